package dev.roster.sandbox.brevo;

import static dev.roster.sandbox.brevo.BrevoOrganization.EMAIL;
import static dev.roster.sandbox.brevo.BrevoOrganization.key;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Contacts and lists ({@code /v3/contacts*}); all state under one lock. */
final class BrevoContacts {
  private static final int MAX_LIST_BATCH = 150;

  private static final class State {
    long id;
    String email;
    Map<String, Object> attributes = new LinkedHashMap<>();
    boolean emailBlacklisted;
    boolean smsBlacklisted;
    Set<Long> listIds = new TreeSet<>();
    Set<Long> listUnsubscribed = new TreeSet<>();
    Instant createdAt;
    Instant modifiedAt;

    Contact snapshot() {
      return new Contact(id, email, attributes, listIds, listUnsubscribed, emailBlacklisted);
    }
  }

  private final Map<String, State> byEmail = new LinkedHashMap<>();
  private final TreeMap<Long, String> lists = new TreeMap<>();
  private final Supplier<Instant> clock;
  private final String registeredEmail;
  private long nextContactId = 1;
  private long nextProcessId = 1;

  /**
   * @param registeredEmail the account's own registered address, whose contact Brevo will not
   *     delete (405, vendors.md §4)
   */
  BrevoContacts(Supplier<Instant> clock, String registeredEmail) {
    this.clock = clock;
    this.registeredEmail = registeredEmail;
    lists.put(2L, "Newsletter");
    lists.put(7L, "Product updates");
  }

  synchronized FakeResponse create(FakeRequest request) throws IOException {
    JsonNode body = BrevoHttp.body(request);
    String email = body.path("email").asText("");
    if (!EMAIL.matcher(email).matches()) {
      throw BrevoError.invalid("Invalid email address");
    }
    State existing = byEmail.get(key(email));
    if (existing != null) {
      if (!body.path("updateEnabled").asBoolean(false)) {
        throw new BrevoError(
            400,
            "duplicate_parameter",
            "Unable to create contact, email is already associated with another Contact",
            Map.of("duplicate_identifiers", List.of("email")));
      }
      apply(existing, body);
      return FakeResponse.empty(204);
    }
    State c = new State();
    c.id = nextContactId++;
    c.email = email;
    c.createdAt = clock.get();
    apply(c, body);
    byEmail.put(key(email), c);
    return FakeResponse.json(201, Map.of("id", c.id));
  }

  synchronized FakeResponse get(FakeRequest request) {
    State c = find(request.param("identifier"));
    ObjectNode body = Json.object();
    body.put("email", c.email);
    body.put("id", c.id);
    body.put("emailBlacklisted", c.emailBlacklisted);
    body.put("smsBlacklisted", c.smsBlacklisted);
    body.put("createdAt", c.createdAt.toString());
    body.put("modifiedAt", c.modifiedAt.toString());
    body.set("attributes", Json.MAPPER.valueToTree(c.attributes));
    body.set("listIds", Json.MAPPER.valueToTree(c.listIds));
    body.set("listUnsubscribed", Json.MAPPER.valueToTree(c.listUnsubscribed));
    body.putObject("statistics");
    return FakeResponse.json(200, body);
  }

  synchronized FakeResponse update(FakeRequest request) throws IOException {
    State c = find(request.param("identifier"));
    JsonNode body = BrevoHttp.body(request);
    apply(c, body);
    body.path("unlinkListIds").forEach(id -> c.listIds.remove(id.asLong()));
    return FakeResponse.empty(204);
  }

  synchronized FakeResponse delete(FakeRequest request) {
    State c = find(request.param("identifier"));
    if (key(c.email).equals(key(registeredEmail))) {
      throw new BrevoError(
          405, "method_not_allowed", "not allowed to delete registered email contact");
    }
    byEmail.remove(key(c.email));
    return FakeResponse.empty(204);
  }

  synchronized FakeResponse addToList(FakeRequest request) throws IOException {
    return changeList(request, true);
  }

  synchronized FakeResponse removeFromList(FakeRequest request) throws IOException {
    return changeList(request, false);
  }

  private FakeResponse changeList(FakeRequest request, boolean add) throws IOException {
    long listId = listId(request.param("listId"));
    JsonNode body = BrevoHttp.body(request);
    List<String> success = new ArrayList<>();
    List<String> failure = new ArrayList<>();
    ObjectNode contacts = Json.object();
    if (!add && body.path("all").asBoolean(false)) {
      // Brevo runs "remove all" as a background process; the fake finishes it at once.
      for (State c : byEmail.values()) {
        if (c.listIds.remove(listId)) {
          touch(c);
          success.add(c.email);
        }
      }
      contacts.put("processId", nextProcessId++);
    } else {
      boolean byEmails = body.has("emails");
      JsonNode items = byEmails ? body.path("emails") : body.path("ids");
      if (!items.isArray() || items.isEmpty()) {
        throw new BrevoError(400, "missing_parameter", "emails or ids is required");
      }
      if (items.size() > MAX_LIST_BATCH) {
        // Swagger maxItems is 150; the real error code for exceeding it is unverified.
        throw BrevoError.invalid("A maximum of 150 contacts can be processed per request");
      }
      for (JsonNode item : items) {
        // The swagger types success/failure items as strings, so ids are echoed as text.
        String label = item.asText();
        State c = byEmails ? byEmail.get(key(label)) : byId(item.asLong(-1));
        boolean changed = c != null && (add ? c.listIds.add(listId) : c.listIds.remove(listId));
        if (c != null && add) {
          // ⚠ unverified: adding by API is taken to re-subscribe someone who had unsubscribed.
          c.listUnsubscribed.remove(listId);
        }
        if (c != null && (changed || add)) {
          touch(c);
          success.add(label);
        } else {
          failure.add(label);
        }
      }
    }
    contacts.set("success", Json.MAPPER.valueToTree(success));
    contacts.set("failure", Json.MAPPER.valueToTree(failure));
    contacts.put("total", success.size());
    ObjectNode out = Json.object();
    out.set("contacts", contacts);
    return FakeResponse.json(201, out);
  }

  synchronized Optional<Contact> contact(String email) {
    return Optional.ofNullable(byEmail.get(key(email))).map(State::snapshot);
  }

  synchronized List<Contact> contacts() {
    List<Contact> out = new ArrayList<>();
    byEmail.values().forEach(c -> out.add(c.snapshot()));
    return out;
  }

  /**
   * The person unsubscribes from one list themselves (a subscription form), which Brevo records in
   * {@code listUnsubscribed}. ⚠ unverified whether Brevo also drops the id from {@code listIds};
   * the fake does, and keeps API removals ({@code unlinkListIds}, /remove) out of {@code
   * listUnsubscribed}: those are Roster's actions, not the person's opt-out.
   */
  synchronized void unsubscribeFromList(String email, long listId) {
    State c = byEmail.get(key(email));
    if (c == null || !c.listIds.remove(listId)) {
      throw new IllegalStateException("contact is not on list " + listId);
    }
    c.listUnsubscribed.add(listId);
    touch(c);
  }

  synchronized Map<Long, String> lists() {
    return new TreeMap<>(lists);
  }

  synchronized Set<String> listMemberEmails(long listId) {
    Set<String> out = new TreeSet<>();
    byEmail.values().stream()
        .filter(c -> c.listIds.contains(listId))
        .forEach(c -> out.add(c.email));
    return out;
  }

  synchronized long createList(String name) {
    long id = lists.lastKey() + 1;
    lists.put(id, name);
    return id;
  }

  /** One row of a completed import: creates, or updates when {@code update} (an upsert). */
  synchronized void importContact(
      String email, JsonNode attributes, List<Long> listIds, boolean update) {
    State c = byEmail.get(key(email));
    if (c != null && !update) {
      return;
    }
    if (c == null) {
      c = new State();
      c.id = nextContactId++;
      c.email = email;
      c.createdAt = clock.get();
      byEmail.put(key(email), c);
    }
    ObjectNode body = Json.object();
    body.set("attributes", attributes);
    apply(c, body);
    // Imports add lists but leave the person's own unsubscriptions alone.
    for (long id : listIds) {
      if (!c.listUnsubscribed.contains(id)) {
        c.listIds.add(id);
      }
    }
  }

  /** Applies the fields create and update share; absent fields leave state unchanged. */
  private void apply(State c, JsonNode body) {
    body.path("attributes")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNull()) {
                c.attributes.remove(e.getKey());
              } else {
                c.attributes.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class));
              }
            });
    if (body.has("emailBlacklisted")) {
      c.emailBlacklisted = body.path("emailBlacklisted").asBoolean();
    }
    if (body.has("smsBlacklisted")) {
      c.smsBlacklisted = body.path("smsBlacklisted").asBoolean();
    }
    body.path("listIds")
        .forEach(
            id -> {
              c.listIds.add(id.asLong());
              c.listUnsubscribed.remove(id.asLong());
            });
    touch(c);
  }

  private void touch(State c) {
    c.modifiedAt = clock.get();
  }

  /** An identifier is an email (contains '@') or a numeric contact id. */
  private State find(String identifier) {
    State c =
        identifier.contains("@")
            ? byEmail.get(key(identifier))
            : identifier.matches("\\d+") ? byId(Long.parseLong(identifier)) : null;
    if (c == null) {
      throw BrevoError.notFound("Contact does not exist");
    }
    return c;
  }

  private State byId(long id) {
    return byEmail.values().stream().filter(c -> c.id == id).findFirst().orElse(null);
  }

  private long listId(String raw) {
    long id;
    try {
      id = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw BrevoError.invalid("listId should be an integer");
    }
    if (!lists.containsKey(id)) {
      throw BrevoError.notFound("List ID does not exist");
    }
    return id;
  }
}
