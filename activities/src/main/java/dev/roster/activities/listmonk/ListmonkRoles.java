package dev.roster.activities.listmonk;

import dev.roster.activities.http.Rejected;
import dev.roster.activities.listmonk.ListmonkTypes.Role;
import dev.roster.activities.spi.ConnectorInput;
import dev.roster.workflows.request.Roles;
import java.util.List;
import java.util.Locale;

/**
 * Roster roles as listmonk user roles, looked up by name: role ids differ per instance, only "Super
 * Admin" (id 1) is built in; Editor and Viewer are the roles an operator creates.
 */
final class ListmonkRoles {
  private ListmonkRoles() {}

  /**
   * The listmonk role name for a Roster role ({@link Roles}); Rejected (refused before any call)
   * naming Roster's roles otherwise.
   */
  static String roleName(String role) {
    return ConnectorInput.forRole(ListmonkClient.VENDOR, role, "Super Admin", "Editor", "Viewer");
  }

  /**
   * The id of the user role with this name; Rejected, naming {@code operation}, when the instance
   * has no such role.
   */
  static long roleId(List<Role> roles, String name, String operation) {
    return roles.stream()
        .filter(r -> r.name() != null && r.name().trim().equalsIgnoreCase(name))
        .findFirst()
        .map(Role::id)
        .orElseThrow(
            () ->
                new Rejected(
                    ListmonkClient.VENDOR,
                    operation,
                    0,
                    null,
                    "listmonk has no user role named '"
                        + name
                        + "'; create it under Users → User roles"));
  }

  /** A username from the address: listmonk allows {@code [a-zA-Z0-9_\-.@]}, 3+ characters. */
  static String username(String email) {
    String name = email.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_\\-.@]", "_");
    return name.length() >= 3 ? name : (name + "___").substring(0, 3);
  }
}
