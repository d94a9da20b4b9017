package dev.roster.sandbox.mailersend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Recipients and the blocklist; all state under one lock. Paths and bodies follow {@code
 * mailersend/mailersend-java:src/main/java/com/mailersend/sdk/recipients/Recipients.java}, {@code
 * .../recipients/Suppressions.java}, {@code .../recipients/SuppressionAddBuilder.java} and {@code
 * mailersend/mailersend-python:mailersend/resources/recipients.py}.
 */
final class MailerSendSuppressions {
  /** The one sending domain of the sandbox account. */
  static final String DOMAIN_ID = "sbxdomain0000001";

  static final String DOMAIN_NAME = "sandbox.example";

  private final Map<String, Recipient> recipients = new LinkedHashMap<>();
  private final Map<String, BlocklistEntry> blocklist = new LinkedHashMap<>();
  private final Supplier<Instant> clock;
  private long nextId = 1;

  MailerSendSuppressions(Supplier<Instant> clock) {
    this.clock = clock;
  }

  synchronized FakeResponse listRecipients(FakeRequest request) {
    return MailerSendHttp.page(request, recipients.values().stream().map(this::json).toList());
  }

  /** GET /recipients/{id}: the recipient with its domain and (here, no) emails. */
  synchronized FakeResponse getRecipient(FakeRequest request) {
    ObjectNode node = json(found(request.param("id")));
    node.putArray("emails");
    node.set("domain", domain());
    return MailerSendHttp.data(200, node);
  }

  /** DELETE /recipients/{id}: 204, as in the Java SDK's RecipientsTest_TestDeleteRecipient(). */
  synchronized FakeResponse deleteRecipient(FakeRequest request) {
    recipients.remove(found(request.param("id")).id());
    return FakeResponse.empty(204);
  }

  synchronized FakeResponse listBlocklist(FakeRequest request) {
    return MailerSendHttp.page(request, blocklist.values().stream().map(this::json).toList());
  }

  /**
   * POST /suppressions/blocklist {@code {"domain_id"?, "recipients"?: [...], "patterns"?: [...]}}:
   * 201 {@code {"data":[entry]}}. domain_id is optional for the blocklist only (the Java SDK's
   * builder and the Ruby SDK's {@code add_to_blocklist(recipients:, patterns:)}); an unknown one is
   * 422 as recorded in mailersend-python {@code tests/fixtures/cassettes/
   * recipients_add_to_blocklist.yaml}. Adding an address twice returns the existing entry
   * (unverified: MailerSend documents no duplicate answer).
   */
  synchronized FakeResponse addToBlocklist(FakeRequest request) {
    JsonNode body = MailerSendHttp.body(request);
    String domainId = body.hasNonNull("domain_id") ? body.get("domain_id").asText() : null;
    List<String> emails = strings(body.path("recipients"));
    List<String> patterns = strings(body.path("patterns"));
    Map<String, List<String>> errors = new LinkedHashMap<>();
    if (domainId != null && !DOMAIN_ID.equals(domainId)) {
      errors.put("domain_id", List.of("The selected domain id is invalid."));
    }
    if (emails.isEmpty() && patterns.isEmpty()) {
      errors.put(
          "recipients", List.of("The recipients field is required when patterns is not present."));
    }
    for (int i = 0; i < emails.size(); i++) {
      if (!MailerSendHttp.EMAIL.matcher(emails.get(i)).matches()) {
        String field = "recipients." + i;
        errors.put(field, List.of("The " + field + " must be a valid email address."));
      }
    }
    if (!errors.isEmpty()) {
      throw MailerSendError.invalid(errors);
    }
    List<JsonNode> added = new ArrayList<>();
    emails.forEach(e -> added.add(json(entry("exact", e.trim(), domainId))));
    patterns.forEach(p -> added.add(json(entry("pattern", p, domainId))));
    return MailerSendHttp.data(201, Json.MAPPER.valueToTree(added));
  }

  /**
   * DELETE /suppressions/blocklist {@code {"ids":[...]}} or {@code {"all":true}}: 204. An unknown
   * id is 422 on {@code ids.N}, as in mailersend-python's {@code
   * recipients_delete_from_blocklist.yaml}.
   */
  synchronized FakeResponse deleteFromBlocklist(FakeRequest request) {
    JsonNode body = MailerSendHttp.body(request);
    if (body.path("all").asBoolean(false)) {
      blocklist.clear();
      return FakeResponse.empty(204);
    }
    List<String> ids = strings(body.path("ids"));
    if (ids.isEmpty()) {
      throw MailerSendError.invalid("ids", "The ids field is required when all is not present.");
    }
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      if (!blocklist.containsKey(ids.get(i))) {
        errors.put("ids." + i, List.of("The selected ids." + i + " is invalid."));
      }
    }
    if (!errors.isEmpty()) {
      throw MailerSendError.invalid(errors);
    }
    ids.forEach(blocklist::remove);
    return FakeResponse.empty(204);
  }

  /** Records that mail went to this address; returns the recipient's id. */
  synchronized String addRecipient(String email) {
    Optional<Recipient> existing = recipient(email);
    if (existing.isPresent()) {
      return existing.get().id();
    }
    Recipient r = new Recipient(newId(), email.trim(), clock.get());
    recipients.put(r.id(), r);
    return r.id();
  }

  synchronized Optional<Recipient> recipient(String email) {
    String wanted = email == null ? "" : email.trim();
    return recipients.values().stream().filter(r -> r.email().equalsIgnoreCase(wanted)).findFirst();
  }

  synchronized List<BlocklistEntry> blocklist() {
    return List.copyOf(blocklist.values());
  }

  synchronized boolean isSuppressed(String email) {
    return blocklist.values().stream().anyMatch(e -> e.matches(email));
  }

  private BlocklistEntry entry(String type, String pattern, String domainId) {
    for (BlocklistEntry e : blocklist.values()) {
      if (e.type().equals(type) && e.pattern().equalsIgnoreCase(pattern)) {
        return e;
      }
    }
    BlocklistEntry e = new BlocklistEntry(newId(), type, pattern, domainId, clock.get());
    blocklist.put(e.id(), e);
    return e;
  }

  private Recipient found(String id) {
    Recipient r = recipients.get(id);
    if (r == null) {
      throw MailerSendError.notFound();
    }
    return r;
  }

  private ObjectNode json(Recipient r) {
    ObjectNode node = Json.object();
    node.put("id", r.id());
    node.put("email", r.email());
    node.put("created_at", MailerSendHttp.time(r.createdAt()));
    node.put("updated_at", MailerSendHttp.time(r.createdAt()));
    // MailerSend sends "" rather than null for a recipient that is not deleted.
    node.put("deleted_at", "");
    return node;
  }

  private ObjectNode json(BlocklistEntry e) {
    ObjectNode node = Json.object();
    node.put("id", e.id());
    node.put("type", e.type());
    node.put("pattern", e.pattern());
    if (e.domainId() != null) {
      node.set("domain", domain());
    }
    node.put("created_at", MailerSendHttp.time(e.createdAt()));
    node.put("updated_at", MailerSendHttp.time(e.createdAt()));
    return node;
  }

  private ObjectNode domain() {
    ObjectNode d = Json.object();
    d.put("id", DOMAIN_ID);
    d.put("name", DOMAIN_NAME);
    return d;
  }

  private String newId() {
    // 24 hex digits like MailerSend's recipient ids; a high prefix keeps them apart from users'.
    return String.format(Locale.ROOT, "6%023x", nextId++);
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(x -> out.add(x.asText()));
    return out;
  }
}
