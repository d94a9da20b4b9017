package dev.roster.sandbox.brevo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Organization users and invitations ({@code /v3/organization/*}); all state under one lock. */
final class BrevoOrganization {
  static final String OWNER_EMAIL = "owner@sandbox.example";
  static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  // Which invitation features roll up into each feature_access bucket of the users listing.
  private static final Set<String> CONVERSATIONS = Set.of("conversations");
  private static final Set<String> CRM = Set.of("sales_platform", "companies", "phone");

  private static final class State {
    String email;
    String status;
    boolean owner;
    boolean allFeatures;
    List<Member.Privilege> privileges = List.of();
    int resendCount;
    Instant invitedAt;

    Member snapshot() {
      return new Member(email, status, owner, allFeatures, privileges, resendCount, invitedAt);
    }
  }

  private final Map<String, State> members = new LinkedHashMap<>();
  private final Supplier<Instant> clock;
  private final Duration acceptAfter;

  BrevoOrganization(Supplier<Instant> clock, Duration acceptAfter) {
    this.clock = clock;
    this.acceptAfter = acceptAfter;
    State owner = new State();
    owner.email = OWNER_EMAIL;
    owner.status = "active";
    owner.owner = true;
    owner.allFeatures = true;
    members.put(OWNER_EMAIL, owner);
  }

  synchronized FakeResponse listUsers(FakeRequest request) {
    promote();
    ArrayNode users = Json.MAPPER.createArrayNode();
    for (State m : members.values()) {
      ObjectNode u = users.addObject();
      u.put("email", m.email);
      // The swagger schema and v4 SDK type is_owner as a string; clients must accept both.
      u.put("is_owner", Boolean.toString(m.owner));
      u.put("status", m.status);
      ObjectNode access = u.putObject("feature_access");
      access.put("marketing", access(m, f -> !CONVERSATIONS.contains(f) && !CRM.contains(f)));
      access.put("conversations", access(m, CONVERSATIONS::contains));
      access.put("crm", access(m, CRM::contains));
    }
    ObjectNode body = Json.object();
    body.set("users", users);
    return FakeResponse.json(200, body);
  }

  synchronized FakeResponse invite(FakeRequest request) throws IOException {
    promote();
    Access access = access(BrevoHttp.body(request));
    String email = access.email();
    if (members.containsKey(key(email))) {
      // Unverified: the real wording for an existing member is not documented anywhere we found.
      throw BrevoError.invalid("User already exists");
    }
    State m = new State();
    m.email = email;
    m.status = "pending";
    m.allFeatures = access.all();
    m.privileges = access.privileges();
    m.invitedAt = clock.get();
    members.put(key(email), m);
    String invoice = "SBX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    return FakeResponse.json(200, Map.of("status", "OK", "invoice_id", invoice));
  }

  /**
   * POST /organization/user/update/permissions: the invitation's body, for an active user; 403 for
   * anyone else and for the owner (whose access is all features by definition).
   */
  synchronized FakeResponse updatePermissions(FakeRequest request) throws IOException {
    promote();
    Access access = access(BrevoHttp.body(request));
    String email = access.email();
    State m = members.get(key(email));
    if (m == null || !"active".equals(m.status)) {
      throw BrevoError.forbidden("User " + email + " is not an active member");
    }
    if (m.owner) {
      throw BrevoError.forbidden("The account owner's permissions cannot be changed");
    }
    m.allFeatures = access.all();
    m.privileges = access.all() ? List.of() : access.privileges();
    String invoice = "SBX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    return FakeResponse.json(
        200, Map.of("status", "OK", "invoice_id", invoice, "credit_notes", List.of()));
  }

  /** Resend and cancel only work on pending invitations; the swagger lists 403 for the rest. */
  synchronized FakeResponse resend(FakeRequest request) {
    promote();
    State m = pending(request.param("email"));
    m.invitedAt = clock.get();
    m.resendCount++;
    return ok();
  }

  synchronized FakeResponse cancel(FakeRequest request) {
    promote();
    State m = pending(request.param("email"));
    members.remove(key(m.email));
    return ok();
  }

  synchronized FakeResponse revoke(FakeRequest request) {
    promote();
    String email = request.param("email");
    State m = members.get(key(email));
    if (m == null || !"active".equals(m.status)) {
      throw BrevoError.forbidden("User " + email + " is not an active member");
    }
    if (m.owner) {
      throw BrevoError.forbidden("The account owner cannot be revoked");
    }
    members.remove(key(email));
    return ok();
  }

  synchronized FakeResponse permissions(FakeRequest request) {
    promote();
    String email = request.param("email");
    State m = members.get(key(email));
    if (m == null) {
      // The swagger lists only 400 here; 404 document_not_found is the fake's assumption.
      throw BrevoError.notFound("User does not exist");
    }
    ObjectNode body = Json.object();
    body.put("email", m.email);
    body.put("status", m.status);
    body.set("privileges", Json.MAPPER.valueToTree(m.privileges));
    return FakeResponse.json(200, body);
  }

  synchronized Optional<Member> member(String email) {
    promote();
    return Optional.ofNullable(members.get(key(email))).map(State::snapshot);
  }

  synchronized List<Member> members() {
    promote();
    List<Member> out = new ArrayList<>();
    members.values().forEach(m -> out.add(m.snapshot()));
    return out;
  }

  /** Drops a pending invitation as if the account's admin cancelled it in Brevo's own UI. */
  synchronized void cancelByHand(String email) {
    promote();
    members.remove(key(pending(email).email));
  }

  synchronized void accept(String email) {
    State m = members.get(key(email));
    if (m == null || !"pending".equals(m.status)) {
      throw new IllegalStateException("No pending invitation for " + email);
    }
    m.status = "active";
  }

  /** Lazily applies {@code acceptAfter}: anyone invited long enough ago has now accepted. */
  private void promote() {
    if (acceptAfter == null) {
      return;
    }
    Instant now = clock.get();
    for (State m : members.values()) {
      if ("pending".equals(m.status) && !now.isBefore(m.invitedAt.plus(acceptAfter))) {
        m.status = "active";
      }
    }
  }

  private State pending(String email) {
    State m = members.get(key(email));
    if (m == null || !"pending".equals(m.status)) {
      throw BrevoError.forbidden("No pending invitation for " + email);
    }
    return m;
  }

  private static String access(State m, Predicate<String> inBucket) {
    if (m.owner || m.allFeatures) {
      return "full";
    }
    return m.privileges.stream().map(Member.Privilege::feature).anyMatch(inBucket)
        ? "custom"
        : "none";
  }

  /** The body an invitation and a permissions update share. */
  private record Access(String email, boolean all, List<Member.Privilege> privileges) {}

  private static Access access(JsonNode body) {
    String email = body.path("email").asText("");
    if (!EMAIL.matcher(email).matches()) {
      throw BrevoError.invalid("Invalid email address");
    }
    boolean all = body.path("all_features_access").asBoolean(false);
    List<Member.Privilege> privileges = privileges(body.path("privileges"));
    if (!all && privileges.isEmpty()) {
      // Swagger: "If all_features_access: false then only privileges are required".
      throw BrevoError.invalid("privileges is required when all_features_access is false");
    }
    return new Access(email, all, privileges);
  }

  private static List<Member.Privilege> privileges(JsonNode node) {
    List<Member.Privilege> out = new ArrayList<>();
    for (JsonNode p : node) {
      List<String> perms = new ArrayList<>();
      p.path("permissions").forEach(x -> perms.add(x.asText()));
      out.add(new Member.Privilege(p.path("feature").asText(), perms));
    }
    return out;
  }

  private static FakeResponse ok() {
    return FakeResponse.json(200, Map.of("status", "OK", "credit_notes", List.of()));
  }

  static String key(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }
}
