package dev.roster.sandbox.mailjet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import dev.roster.sandbox.mailjet.MailjetStore.ContactState;
import dev.roster.sandbox.mailjet.MailjetStore.RecipientState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code /v3/REST/contact/managemanycontacts} and the job's error file (vendors.md §1). A job
 * changes nothing until the poll that completes it, as an asynchronous import would.
 */
final class MailjetJobs {
  private static final Set<String> ACTIONS = Set.of("addforce", "addnoforce", "remove", "unsub");

  private static final class Job {
    long id;
    JsonNode contacts;
    JsonNode lists;
    int polls;
    String status;
    Instant start;
    Instant end;
    final List<JsonNode> errors = new ArrayList<>();
  }

  private final MailjetStore store;
  private final int jobPolls;
  private final JobStatusVocabulary vocabulary;
  private final TreeMap<Long, Job> jobs = new TreeMap<>();
  private long nextJobId = 35800;

  MailjetJobs(MailjetStore store, int jobPolls, JobStatusVocabulary vocabulary) {
    this.store = store;
    this.jobPolls = jobPolls;
    this.vocabulary = vocabulary;
  }

  FakeResponse start(FakeRequest request) {
    JsonNode body = MailjetHttp.body(request);
    JsonNode contacts = MailjetHttp.field(body, "Contacts");
    JsonNode lists = MailjetHttp.field(body, "ContactsLists");
    synchronized (store) {
      if (!contacts.isArray() || contacts.isEmpty()) {
        throw MailjetError.invalid("MJ03 A value for Contacts is required.");
      }
      for (JsonNode l : lists.isArray() ? lists : Json.MAPPER.createArrayNode()) {
        String action = MailjetHttp.field(l, "Action").asText("");
        if (!ACTIONS.contains(action)) {
          throw MailjetError.invalid("Invalid Action \"" + action + "\"");
        }
        if (!store.lists.containsKey(MailjetHttp.field(l, "ListID").asLong(-1))) {
          throw MailjetError.invalid("Invalid ListID: list not found");
        }
      }
      Job job = new Job();
      job.id = nextJobId++;
      job.contacts = contacts.deepCopy();
      job.lists = lists.isArray() ? lists.deepCopy() : Json.MAPPER.createArrayNode();
      job.start = store.clock.get();
      jobs.put(job.id, job);
      ObjectNode data = Json.object();
      data.put("JobID", job.id);
      return MailjetHttp.envelope(201, List.of(data));
    }
  }

  /** The first {@code jobPolls - 1} polls see a running status, the next one the outcome. */
  FakeResponse status(FakeRequest request) {
    synchronized (store) {
      Job job = job(request);
      job.polls++;
      if (job.status == null && job.polls >= jobPolls) {
        run(job);
      }
      ObjectNode data = Json.object();
      data.set("ContactsLists", job.lists);
      data.put("Count", job.contacts.size());
      data.put(
          "Error", job.errors.isEmpty() ? "" : job.errors.size() + " contact(s) were not imported");
      data.put("ErrorFile", job.errors.isEmpty() ? "" : errorFile(job.id));
      data.put("JobEnd", MailjetStore.text(job.end));
      data.put("JobStart", MailjetStore.text(job.start));
      data.put("Status", job.status == null ? vocabulary.running(job.polls) : job.status);
      return MailjetHttp.envelope(200, List.of(data));
    }
  }

  /** Unverified shape: the error file is documented only as "JSON error details". */
  FakeResponse errors(FakeRequest request) {
    synchronized (store) {
      Job job = job(request);
      if (job.status == null) {
        throw MailjetError.notFound();
      }
      ArrayNode out = Json.MAPPER.createArrayNode();
      job.errors.forEach(out::add);
      return FakeResponse.json(200, out);
    }
  }

  private void run(Job job) {
    List<ContactState> done = new ArrayList<>();
    for (JsonNode row : job.contacts) {
      Optional<String> problem = problem(row);
      if (problem.isPresent()) {
        ObjectNode error = Json.object();
        error.put("Email", MailjetHttp.field(row, "Email").asText(""));
        error.put("Error", problem.get());
        job.errors.add(error);
        continue;
      }
      done.add(upsert(row));
    }
    for (JsonNode l : job.lists) {
      long listId = MailjetHttp.field(l, "ListID").asLong();
      String action = MailjetHttp.field(l, "Action").asText();
      done.forEach(c -> apply(c.id, listId, action));
    }
    job.end = store.clock.get();
    // guides/_contacts_bulk.md: Error when the job failed; rows that failed alone leave Completed.
    job.status = done.isEmpty() ? "Error" : "Completed";
  }

  private Optional<String> problem(JsonNode row) {
    String email = MailjetHttp.field(row, "Email").asText("").trim();
    if (!MailjetHttp.EMAIL.matcher(email).matches()) {
      return Optional.of("Invalid email address");
    }
    for (var it = MailjetHttp.field(row, "Properties").fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!store.properties.containsKey(name)) {
        return Optional.of("Property \"" + name + "\" is not defined in contactmetadata");
      }
    }
    return Optional.empty();
  }

  private ContactState upsert(JsonNode row) {
    String email = MailjetHttp.field(row, "Email").asText().trim();
    ContactState c = store.byEmail(email).orElseGet(() -> store.newContact(email));
    if (row.hasNonNull("Name")) {
      c.name = row.path("Name").asText();
    }
    if (row.has("IsExcludedFromCampaigns")) {
      store.setExcluded(c, row.path("IsExcludedFromCampaigns").asBoolean());
    }
    // vendors.md §1: setting a property to null unsets it.
    for (var it = MailjetHttp.field(row, "Properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull()) {
        c.data.remove(e.getKey());
      } else {
        c.data.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class));
      }
    }
    c.lastUpdateAt = store.clock.get();
    return c;
  }

  private void apply(long contactId, long listId, String action) {
    Optional<RecipientState> existing = store.recipient(contactId, listId);
    switch (action) {
      case "addforce" ->
          existing.ifPresentOrElse(
              r -> store.setUnsubscribed(r, false),
              () -> store.subscribe(contactId, listId, false));
      case "addnoforce" -> {
        if (existing.isEmpty()) {
          store.subscribe(contactId, listId, false);
        }
      }
      case "remove" -> existing.ifPresent(r -> store.recipients.remove(r.id));
      // Unverified for non-members: the fake records them as unsubscribed, keeping the opt-out.
      case "unsub" ->
          existing.ifPresentOrElse(
              r -> store.setUnsubscribed(r, true), () -> store.subscribe(contactId, listId, true));
      default -> throw new IllegalStateException("validated at start: " + action);
    }
  }

  private Job job(FakeRequest request) {
    String raw = request.param("jobId");
    Job job = raw.matches("\\d+") ? jobs.get(Long.parseLong(raw)) : null;
    if (job == null) {
      throw MailjetError.notFound();
    }
    return job;
  }

  static String errorFile(long jobId) {
    return "/v3/DATA/batchjob/" + jobId + "/JSONError/application:json/LAST";
  }
}
