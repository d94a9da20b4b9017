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
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Contacts ({@code /v3/contacts} and {@code /v3/contacts/{identifier}}) and imported rows; all
 * contact state under this object's lock, which {@link BrevoLists} holds too.
 */
final class BrevoContacts {

  static final class State {
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

  /** Every contact by {@link BrevoOrganization#key(String)}; guarded by this object. */
  final Map<String, State> byEmail = new LinkedHashMap<>();

  private final Supplier<Instant> clock;
  private final String registeredEmail;
  private long nextContactId = 1;

  /**
   * @param registeredEmail the account's own registered address, whose contact Brevo will not
   *     delete (405, vendors.md §4)
   */
  BrevoContacts(Supplier<Instant> clock, String registeredEmail) {
    this.clock = clock;
    this.registeredEmail = registeredEmail;
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

  synchronized Optional<Contact> contact(String email) {
    return Optional.ofNullable(byEmail.get(key(email))).map(State::snapshot);
  }

  synchronized List<Contact> contacts() {
    List<Contact> out = new ArrayList<>();
    byEmail.values().forEach(c -> out.add(c.snapshot()));
    return out;
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

  void touch(State c) {
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

  State byId(long id) {
    return byEmail.values().stream().filter(c -> c.id == id).findFirst().orElse(null);
  }
}
