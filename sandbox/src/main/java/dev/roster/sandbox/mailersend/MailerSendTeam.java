package dev.roster.sandbox.mailersend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Account users and invitations ({@code /users}, {@code /invites}); all state under one lock. Paths
 * and bodies follow {@code
 * mailersend/mailersend-java:src/main/java/com/mailersend/sdk/users/Users.java} and {@code
 * mailersend/mailersend-python:mailersend/resources/users.py} (vendors.md §2).
 */
final class MailerSendTeam {
  static final String OWNER_EMAIL = "owner@sandbox.example";
  static final Set<String> ROLES =
      Set.of("Admin", "Manager", "Designer", "Accountant", "Custom User");

  private static final class Account {
    String id;
    String email;
    String role;
    List<String> permissions = List.of();
    boolean owner;
    int resendCount;
    Instant createdAt;
    Instant updatedAt;

    User user() {
      return new User(id, email, role, permissions, owner, createdAt, updatedAt);
    }

    Invite invite() {
      return new Invite(id, email, role, permissions, resendCount, createdAt, updatedAt);
    }
  }

  private final Map<String, Account> users = new LinkedHashMap<>();
  private final Map<String, Account> invites = new LinkedHashMap<>();
  private final Supplier<Instant> clock;
  private final Duration acceptAfter;
  private long nextId = 1;

  MailerSendTeam(Supplier<Instant> clock, Duration acceptAfter) {
    this.clock = clock;
    this.acceptAfter = acceptAfter;
    Account owner = account(OWNER_EMAIL, "Admin", List.of());
    owner.owner = true;
    users.put(owner.id, owner);
  }

  synchronized FakeResponse listUsers(FakeRequest request) {
    promote();
    return MailerSendHttp.page(request, users.values().stream().map(this::userJson).toList());
  }

  synchronized FakeResponse getUser(FakeRequest request) {
    promote();
    return MailerSendHttp.data(200, userJson(found(users, request.param("id"))));
  }

  /** PUT /users/{id}: role and permissions; an invalid role is 422 like on invite. */
  synchronized FakeResponse updateUser(FakeRequest request) {
    promote();
    Account user = found(users, request.param("id"));
    JsonNode body = MailerSendHttp.body(request);
    String role = body.path("role").asText("");
    if (!ROLES.contains(role)) {
      throw MailerSendError.invalid("role", roleMessage(role));
    }
    user.role = role;
    user.permissions = strings(body.path("permissions"));
    user.updatedAt = clock.get();
    return MailerSendHttp.data(200, userJson(user));
  }

  synchronized FakeResponse deleteUser(FakeRequest request) {
    promote();
    Account user = found(users, request.param("id"));
    if (user.owner) {
      // Unverified wording: MailerSend documents no answer for deleting the account owner.
      throw MailerSendError.forbidden("This action is unauthorized.");
    }
    users.remove(user.id);
    return FakeResponse.empty(204);
  }

  /** POST /users invites; the answer is the invite, not a user (vendors.md §2). */
  synchronized FakeResponse invite(FakeRequest request) {
    promote();
    JsonNode body = MailerSendHttp.body(request);
    String email = body.path("email").asText("").trim();
    String role = body.path("role").asText("");
    Map<String, List<String>> errors = new LinkedHashMap<>();
    if (email.isEmpty()) {
      errors.put("email", List.of("The email field is required."));
    } else if (email.length() > 191 || !MailerSendHttp.EMAIL.matcher(email).matches()) {
      errors.put("email", List.of("The email must be a valid email address."));
    } else if (findByEmail(users, email).isPresent() || findByEmail(invites, email).isPresent()) {
      errors.put("email", List.of("The email has already been taken."));
    }
    if (!ROLES.contains(role)) {
      errors.put("role", List.of(roleMessage(role)));
    }
    if (!errors.isEmpty()) {
      throw MailerSendError.invalid(errors);
    }
    Account invite = account(email, role, strings(body.path("permissions")));
    invites.put(invite.id, invite);
    // The Java SDK's recorded answer is 200 (UsersTest_TestInviteUser().json); unverified
    // elsewhere.
    return MailerSendHttp.data(200, inviteJson(invite));
  }

  synchronized FakeResponse listInvites(FakeRequest request) {
    promote();
    return MailerSendHttp.page(request, invites.values().stream().map(this::inviteJson).toList());
  }

  synchronized FakeResponse getInvite(FakeRequest request) {
    promote();
    return MailerSendHttp.data(200, inviteJson(found(invites, request.param("id"))));
  }

  synchronized FakeResponse resendInvite(FakeRequest request) {
    promote();
    Account invite = found(invites, request.param("id"));
    invite.resendCount++;
    invite.updatedAt = clock.get();
    return MailerSendHttp.data(200, inviteJson(invite));
  }

  synchronized FakeResponse cancelInvite(FakeRequest request) {
    promote();
    invites.remove(found(invites, request.param("id")).id);
    return FakeResponse.empty(204);
  }

  /** The invitee accepts: the invite becomes a user with its role. */
  synchronized void accept(String email) {
    Account invite =
        findByEmail(invites, email)
            .orElseThrow(() -> new IllegalStateException("No pending invite for " + email));
    invites.remove(invite.id);
    invite.updatedAt = clock.get();
    users.put(invite.id, invite);
  }

  synchronized Optional<User> user(String email) {
    promote();
    return findByEmail(users, email).map(Account::user);
  }

  synchronized Optional<Invite> invite(String email) {
    promote();
    return findByEmail(invites, email).map(Account::invite);
  }

  synchronized List<User> users() {
    promote();
    return users.values().stream().map(Account::user).toList();
  }

  synchronized List<Invite> invites() {
    promote();
    return invites.values().stream().map(Account::invite).toList();
  }

  /** Lazily applies {@code acceptAfter}: anyone invited long enough ago has now accepted. */
  private void promote() {
    if (acceptAfter == null) {
      return;
    }
    Instant now = clock.get();
    Iterator<Account> it = invites.values().iterator();
    List<Account> accepted = new ArrayList<>();
    while (it.hasNext()) {
      Account invite = it.next();
      if (!now.isBefore(invite.createdAt.plus(acceptAfter))) {
        it.remove();
        accepted.add(invite);
      }
    }
    accepted.forEach(a -> users.put(a.id, a));
  }

  private Account account(String email, String role, List<String> permissions) {
    Account a = new Account();
    a.id = String.format(Locale.ROOT, "%024x", nextId++);
    a.email = email;
    a.role = role;
    a.permissions = permissions;
    a.createdAt = clock.get();
    a.updatedAt = a.createdAt;
    return a;
  }

  private ObjectNode userJson(Account a) {
    ObjectNode u = Json.object();
    u.put("id", a.id);
    u.putNull("avatar");
    u.put("email", a.email);
    u.put("name", a.email.substring(0, a.email.indexOf('@')));
    u.putNull("last_name");
    u.put("2fa", false);
    u.put("role", a.role);
    u.set("permissions", Json.MAPPER.valueToTree(a.permissions));
    u.putArray("domains");
    u.putArray("templates");
    u.put("created_at", MailerSendHttp.time(a.createdAt));
    u.put("updated_at", MailerSendHttp.time(a.updatedAt));
    return u;
  }

  private ObjectNode inviteJson(Account a) {
    ObjectNode i = Json.object();
    i.put("id", a.id);
    i.put("email", a.email);
    ObjectNode data = i.putObject("data");
    data.putArray("domains");
    data.putArray("templates");
    i.put("role", a.role);
    i.set("permissions", Json.MAPPER.valueToTree(a.permissions));
    i.put("requires_periodic_password_change", false);
    i.put("created_at", MailerSendHttp.time(a.createdAt));
    i.put("updated_at", MailerSendHttp.time(a.updatedAt));
    return i;
  }

  private static Account found(Map<String, Account> accounts, String id) {
    Account a = accounts.get(id);
    if (a == null) {
      throw MailerSendError.notFound();
    }
    return a;
  }

  private static Optional<Account> findByEmail(Map<String, Account> accounts, String email) {
    String wanted = email == null ? "" : email.trim();
    return accounts.values().stream().filter(a -> a.email.equalsIgnoreCase(wanted)).findFirst();
  }

  private static String roleMessage(String role) {
    return role.isEmpty() ? "The role field is required." : "The selected role is invalid.";
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(x -> out.add(x.asText()));
    return List.copyOf(out);
  }
}
