package dev.roster.sandbox.listmonk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Users ({@code /api/users*}); all state under one lock. Not in listmonk's docs or swagger:
 * modelled on cmd/users.go and internal/auth/models.go (vendors.md §3). Roles: {@link
 * ListmonkRoles}.
 */
final class ListmonkUsers {
  static final long SUPER_ADMIN = ListmonkRoles.SUPER_ADMIN;
  static final String NEED_SUPER =
      "User(s) couldn't be updated. There has to be at least one active Super Admin user.";

  private static final Pattern USERNAME = Pattern.compile("^[a-zA-Z0-9_\\-.@]{3,}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

  private static final class State {
    long id;
    String username;
    String email;
    String name;
    String type;
    String status;
    boolean passwordLogin;
    long userRoleId;
    Long listRoleId;
    String token;
    Instant createdAt;
    Instant updatedAt;
  }

  private final ListmonkRoles roles;
  private final Map<Long, State> users = new LinkedHashMap<>();
  private final Supplier<Instant> clock;
  private long nextUserId = 1;

  ListmonkUsers(Supplier<Instant> clock, String apiUser, String token, ListmonkRoles roles) {
    this.clock = clock;
    this.roles = roles;
    seed("admin", "admin@listmonk.example", "user", SUPER_ADMIN, null);
    seed(apiUser, apiUser + "@api", "api", roles.apiRoleId(), token);
  }

  private void seed(String username, String email, String type, long roleId, String token) {
    State u = new State();
    u.id = nextUserId++;
    u.username = username;
    u.email = email;
    u.name = username;
    u.type = type;
    u.status = "enabled";
    u.passwordLogin = "user".equals(type);
    u.userRoleId = roleId;
    u.token = token;
    u.createdAt = clock.get();
    u.updatedAt = u.createdAt;
    users.put(u.id, u);
  }

  /** The permissions of an enabled API user with this token, null if the credentials fail. */
  synchronized Optional<Set<String>> authenticate(String username, String token) {
    for (State u : users.values()) {
      if ("api".equals(u.type)
          && u.username.equals(username)
          && token.equals(u.token)
          && "enabled".equals(u.status)) {
        return Optional.of(Set.copyOf(roles.role(u.userRoleId).permissions()));
      }
    }
    return Optional.empty();
  }

  synchronized FakeResponse list(FakeRequest request) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    users.values().forEach(u -> out.add(json(u, false)));
    return ListmonkWire.ok(out);
  }

  synchronized FakeResponse get(FakeRequest request) {
    return ListmonkWire.ok(json(find(request.param("id")), false));
  }

  synchronized FakeResponse create(FakeRequest request) {
    JsonNode body = ListmonkWire.body(request);
    State u = new State();
    u.id = 0;
    apply(u, body, true);
    u.id = nextUserId++;
    u.createdAt = clock.get();
    u.updatedAt = u.createdAt;
    if ("api".equals(u.type)) {
      // The token appears once, in the create response's password field (vendors.md §3).
      u.token = UUID.randomUUID().toString().replace("-", "");
    }
    users.put(u.id, u);
    return ListmonkWire.ok(json(u, "api".equals(u.type)));
  }

  synchronized FakeResponse update(FakeRequest request) {
    State u = find(request.param("id"));
    State copy = copy(u);
    apply(copy, ListmonkWire.body(request), false);
    boolean superAfter = copy.userRoleId == SUPER_ADMIN && "enabled".equals(copy.status);
    if (!superAfter && otherActiveSuperAdmins(u.id) == 0) {
      throw ListmonkError.invalid(NEED_SUPER);
    }
    users.put(u.id, copy);
    copy.updatedAt = clock.get();
    return ListmonkWire.ok(json(copy, false));
  }

  synchronized FakeResponse delete(FakeRequest request) {
    State u = find(request.param("id"));
    if (otherActiveSuperAdmins(u.id) == 0) {
      throw ListmonkError.invalid(NEED_SUPER);
    }
    users.remove(u.id);
    return ListmonkWire.ok(true);
  }

  synchronized Optional<User> user(String usernameOrEmail) {
    String wanted = usernameOrEmail.toLowerCase(Locale.ROOT);
    return users.values().stream()
        .filter(u -> u.username.equalsIgnoreCase(wanted) || u.email.equalsIgnoreCase(wanted))
        .findFirst()
        .map(this::snapshot);
  }

  synchronized List<User> users() {
    List<User> out = new ArrayList<>();
    users.values().forEach(u -> out.add(snapshot(u)));
    return out;
  }

  private User snapshot(State u) {
    return new User(
        u.id,
        u.username,
        u.email,
        u.name,
        u.type,
        u.status,
        u.userRoleId,
        roles.role(u.userRoleId).name());
  }

  private long otherActiveSuperAdmins(long exceptId) {
    return users.values().stream()
        .filter(o -> o.id != exceptId)
        .filter(o -> o.userRoleId == SUPER_ADMIN && "enabled".equals(o.status))
        .count();
  }

  /** Validates and applies the body POST and PUT share (cmd/users.go validateUserReq). */
  private void apply(State u, JsonNode body, boolean creating) {
    String username = body.path("username").asText("").trim();
    if (!USERNAME.matcher(username).matches()) {
      throw ListmonkError.invalid("Invalid username.");
    }
    String type = body.path("type").asText("");
    if (!type.equals("user") && !type.equals("api")) {
      throw ListmonkError.invalid("Invalid type.");
    }
    String email = body.path("email").asText("").trim();
    if (type.equals("api")) {
      email = username + "@api";
    } else if (!EMAIL.matcher(email).matches()) {
      throw ListmonkError.invalid("Invalid email.");
    }
    String status = body.path("status").asText("enabled");
    if (!status.equals("enabled") && !status.equals("disabled")) {
      throw ListmonkError.invalid("Invalid status.");
    }
    boolean passwordLogin = body.path("password_login").asBoolean(false);
    String password = body.path("password").asText("");
    if (passwordLogin && (creating || !password.isEmpty()) && password.length() < 8) {
      throw ListmonkError.invalid("Invalid password.");
    }
    ListmonkRoles.Role role = roles.role(body.path("user_role_id").asLong(0));
    if (role == null || !role.type().equals("user")) {
      throw ListmonkError.invalid("Invalid user role.");
    }
    Long listRoleId = body.hasNonNull("list_role_id") ? body.path("list_role_id").asLong() : null;
    if (listRoleId != null && !"list".equals(roles.type(listRoleId))) {
      throw ListmonkError.invalid("Invalid list role.");
    }
    for (State other : users.values()) {
      if (other.id != u.id
          && (other.username.equalsIgnoreCase(username) || other.email.equalsIgnoreCase(email))) {
        // ⚠ Unverified message; a unique violation in core/users.go becomes 409.
        throw new ListmonkError(409, "User already exists.");
      }
    }
    u.username = username;
    u.email = email;
    u.name = body.path("name").asText(username);
    u.type = type;
    u.status = status;
    u.passwordLogin = passwordLogin;
    u.userRoleId = role.id();
    u.listRoleId = listRoleId;
  }

  private State find(String rawId) {
    State u = users.get(ListmonkWire.id(rawId));
    if (u == null) {
      throw new ListmonkError(404, "User not found");
    }
    return u;
  }

  private static State copy(State u) {
    State c = new State();
    c.id = u.id;
    c.username = u.username;
    c.email = u.email;
    c.name = u.name;
    c.type = u.type;
    c.status = u.status;
    c.passwordLogin = u.passwordLogin;
    c.userRoleId = u.userRoleId;
    c.listRoleId = u.listRoleId;
    c.token = u.token;
    c.createdAt = u.createdAt;
    c.updatedAt = u.updatedAt;
    return c;
  }

  /** A user as GET /api/users shows it; the password is blanked except an API user's new token. */
  private ObjectNode json(State u, boolean showToken) {
    ObjectNode node = Json.object();
    node.put("id", u.id);
    node.put("created_at", u.createdAt.toString());
    node.put("updated_at", u.updatedAt.toString());
    node.put("username", u.username);
    node.put("password_login", u.passwordLogin);
    if (showToken) {
      node.put("password", u.token);
    }
    node.put("email", u.email);
    node.put("name", u.name);
    node.put("type", u.type);
    node.put("status", u.status);
    node.putNull("avatar");
    node.put("twofa_type", "none");
    node.putNull("loggedin_at");
    node.put("user_role_id", u.userRoleId);
    if (u.listRoleId == null) {
      node.putNull("list_role_id");
      node.putNull("list_role");
    } else {
      node.put("list_role_id", u.listRoleId);
      ObjectNode listRole = node.putObject("list_role");
      listRole.put("id", u.listRoleId);
      listRole.put("name", roles.role(u.listRoleId).name());
      listRole.putArray("lists");
    }
    ListmonkRoles.Role role = roles.role(u.userRoleId);
    ObjectNode userRole = node.putObject("user_role");
    userRole.put("id", role.id());
    userRole.put("name", role.name());
    userRole.set("permissions", Json.MAPPER.valueToTree(role.permissions()));
    return node;
  }
}
