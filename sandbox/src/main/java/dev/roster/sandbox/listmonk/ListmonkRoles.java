package dev.roster.sandbox.listmonk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * User and list roles ({@code /api/roles/*}), seeded at start and read-only afterwards (the fake
 * serves no role changes), so no lock is needed. Modelled on internal/auth/models.go (vendors.md
 * §3).
 */
final class ListmonkRoles {
  static final long SUPER_ADMIN = 1;

  /** The permissions the fake checks (a subset of internal/auth/models.go). */
  static final List<String> PERMISSIONS =
      List.of(
          "users:get",
          "users:manage",
          "roles:get",
          "roles:manage",
          "subscribers:get",
          "subscribers:manage",
          "subscribers:import",
          "subscribers:sql_query",
          "lists:get_all",
          "lists:manage_all");

  record Role(long id, String type, String name, List<String> permissions) {}

  private final Map<Long, Role> roles = new LinkedHashMap<>();
  private final long apiRoleId;

  /**
   * @param apiPermissions the API user's permissions; null makes it a Super Admin
   */
  ListmonkRoles(Set<String> apiPermissions) {
    roles.put(1L, new Role(1, "user", "Super Admin", PERMISSIONS));
    roles.put(
        2L,
        new Role(
            2,
            "user",
            "Editor",
            List.of("subscribers:get", "subscribers:manage", "lists:get_all", "lists:manage_all")));
    roles.put(3L, new Role(3, "user", "Viewer", List.of("subscribers:get", "lists:get_all")));
    roles.put(4L, new Role(4, "list", "Newsletter editors", List.of("list:get", "list:manage")));
    if (apiPermissions != null) {
      roles.put(5L, new Role(5, "user", "Roster API", List.copyOf(apiPermissions)));
      apiRoleId = 5;
    } else {
      apiRoleId = SUPER_ADMIN;
    }
  }

  /** The role the seeded API user gets. */
  long apiRoleId() {
    return apiRoleId;
  }

  /** The role with this id, or null. */
  Role role(long id) {
    return roles.get(id);
  }

  /** {@code user} or {@code list}, or null for an unknown id. */
  String type(long id) {
    Role r = roles.get(id);
    return r == null ? null : r.type();
  }

  FakeResponse userRoles(FakeRequest request) {
    return ListmonkWire.ok(rolesOf("user"));
  }

  FakeResponse listRoles(FakeRequest request) {
    return ListmonkWire.ok(rolesOf("list"));
  }

  private ArrayNode rolesOf(String type) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (Role r : roles.values()) {
      if (!r.type().equals(type)) {
        continue;
      }
      ObjectNode node = out.addObject();
      node.put("id", r.id());
      node.put("name", r.name());
      if (type.equals("user")) {
        node.put("type", "user");
        node.set("permissions", Json.MAPPER.valueToTree(r.permissions()));
      } else {
        // Seeded list role: newsletter list 3 with the role's permissions.
        ObjectNode list = node.putArray("lists").addObject();
        list.put("id", 3);
        list.put("name", "Newsletter");
        list.set("permissions", Json.MAPPER.valueToTree(r.permissions()));
      }
    }
    return out;
  }
}
