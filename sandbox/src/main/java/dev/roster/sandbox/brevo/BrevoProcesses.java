package dev.roster.sandbox.brevo;

import static dev.roster.sandbox.brevo.BrevoOrganization.EMAIL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Contact imports and their processes: POST /v3/contacts/import (202 {@code {"processId"}}) and GET
 * /v3/processes/{id} (vendors.md §4). A process runs across status polls: the {@code
 * completeAfterPolls}-th poll finds it completed, earlier ones see {@code queued} and then the
 * running word of the chosen {@link Vocabulary}. Invalid addresses (and those marked with {@link
 * #rejectOnImport}) are skipped and counted in {@code info.import.invalid_emails}; {@code
 * export_url} then links to a {@code email;reason} report of them on the fake's export server, a
 * host:port of its own that takes no API key (a signed file URL, as Brevo's files are served from
 * another host than the API). The link is written as Brevo's own spec example writes it, an HTML
 * anchor ({@code <a href="https://export-url.com/upload/file-name.csv" target="_blank">}). ⚠ The
 * report's content is unverified: Brevo documents {@code export_url} only as "URL on which send
 * export".
 */
public final class BrevoProcesses {

  /** Where the export server serves reports: {@code /upload/<file>.csv}, as in Brevo's example. */
  static final String EXPORT_PATH = "/upload/";

  /** vendors.md §4 ⚠: the status words of the swagger and of the v4 SDK. */
  public enum Vocabulary {
    /** {@code queued, in_process, completed}. */
    SWAGGER("in_process"),
    /** {@code queued, processing, completed, failed, cancelled}. */
    V4("processing");

    private final String running;

    Vocabulary(String running) {
      this.running = running;
    }
  }

  private static final class Process {
    long id;
    List<JsonNode> rows;
    List<Long> listIds;
    boolean update;
    int polls;
    String status = "queued";
    final Map<String, String> invalid = new LinkedHashMap<>();
    final String exportFile = UUID.randomUUID() + ".csv";
  }

  private final BrevoContacts contacts;
  private final BrevoLists lists;
  private final String exportBaseUrl;
  private final TreeMap<Long, Process> processes = new TreeMap<>();
  private final Map<String, String> rejects = new LinkedHashMap<>();
  private long nextId = 78;
  private int completeAfterPolls = 2;
  private Vocabulary vocabulary = Vocabulary.SWAGGER;

  /**
   * @param exportBaseUrl the export server's {@code http://host:port}, where reports are served
   */
  BrevoProcesses(BrevoContacts contacts, BrevoLists lists, String exportBaseUrl) {
    this.contacts = contacts;
    this.lists = lists;
    this.exportBaseUrl = exportBaseUrl;
  }

  /** The poll (1-based) that first finds a process completed. */
  public synchronized BrevoProcesses completeAfterPolls(int polls) {
    if (polls < 1) {
      throw new IllegalArgumentException("polls must be >= 1");
    }
    this.completeAfterPolls = polls;
    return this;
  }

  public synchronized BrevoProcesses vocabulary(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
    return this;
  }

  /** Imports skip this address with {@code reason}, as Brevo does with addresses it refuses. */
  public synchronized BrevoProcesses rejectOnImport(String email, String reason) {
    rejects.put(email.trim().toLowerCase(Locale.ROOT), reason);
    return this;
  }

  /** How many processes were started. */
  public synchronized int started() {
    return processes.size();
  }

  synchronized FakeResponse start(FakeRequest request) throws IOException {
    JsonNode body = BrevoHttp.body(request);
    JsonNode rows = body.path("jsonBody");
    if (!rows.isArray() || rows.isEmpty()) {
      // The fake takes jsonBody only; fileUrl and fileBody are not simulated.
      throw BrevoError.invalid(
          "jsonBody is required by the sandbox (fileUrl/fileBody unsupported)");
    }
    List<Long> listIds = new ArrayList<>();
    for (JsonNode id : body.path("listIds")) {
      if (!lists.exists(id.asLong())) {
        throw BrevoError.notFound("List ID does not exist");
      }
      listIds.add(id.asLong());
    }
    Process p = new Process();
    p.id = nextId++;
    p.rows = new ArrayList<>();
    rows.forEach(p.rows::add);
    p.listIds = listIds;
    p.update = body.path("updateExistingContacts").asBoolean(true);
    processes.put(p.id, p);
    return FakeResponse.json(202, Map.of("processId", p.id));
  }

  synchronized FakeResponse status(FakeRequest request) {
    Process p = process(request);
    p.polls++;
    if ("queued".equals(p.status) || vocabulary.running.equals(p.status)) {
      if (p.polls >= completeAfterPolls) {
        run(p);
      } else if (p.polls > 1) {
        p.status = vocabulary.running;
      }
    }
    ObjectNode out = Json.object();
    out.put("id", p.id);
    out.put("name", "IMPORTUSER");
    out.put("status", p.status);
    if ("completed".equals(p.status)) {
      ObjectNode counts = Json.object();
      counts.put("invalid_emails", p.invalid.size());
      counts.put("duplicate_contact_id", 0);
      counts.put("duplicate_email_id", 0);
      out.putObject("info").set("import", counts);
      if (!p.invalid.isEmpty()) {
        String url = exportBaseUrl + EXPORT_PATH + p.exportFile;
        out.put("export_url", "<a href=\"" + url + "\" target=\"_blank\">" + p.exportFile + "</a>");
      }
    }
    return FakeResponse.json(200, out);
  }

  /** GET {@value #EXPORT_PATH}{file} on the export server: no key, the file name is the secret. */
  synchronized FakeResponse export(FakeRequest request) {
    String file = request.param("file");
    Process p =
        processes.values().stream()
            .filter(x -> x.exportFile.equals(file) && !x.invalid.isEmpty())
            .findFirst()
            .orElse(null);
    if (p == null) {
      return FakeResponse.raw(404, Map.of("Content-Type", "text/plain"), "Not Found");
    }
    StringBuilder csv = new StringBuilder("email;reason\n");
    p.invalid.forEach((email, reason) -> csv.append(email).append(';').append(reason).append('\n'));
    return FakeResponse.raw(200, Map.of("Content-Type", "text/csv"), csv.toString());
  }

  private void run(Process p) {
    for (JsonNode row : p.rows) {
      String email = row.path("email").asText("").trim();
      String reason = rejects.get(email.toLowerCase(Locale.ROOT));
      if (reason == null && !EMAIL.matcher(email).matches()) {
        reason = "Invalid email address";
      }
      if (reason != null) {
        p.invalid.put(email, reason);
        continue;
      }
      contacts.importContact(email, row.path("attributes"), p.listIds, p.update);
    }
    p.status = "completed";
    p.rows = List.of();
  }

  private Process process(FakeRequest request) {
    String raw = request.param("processId");
    Process p = raw.matches("\\d+") ? processes.get(Long.parseLong(raw)) : null;
    if (p == null) {
      throw BrevoError.invalid("processId is invalid");
    }
    return p;
  }
}
