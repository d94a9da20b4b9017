package dev.roster.activities.brevo;

import dev.roster.activities.brevo.BrevoTypes.Privilege;
import dev.roster.activities.http.Rejected;
import java.util.List;
import java.util.Locale;

/**
 * Roster roles as Brevo invitation access. Feature and permission names are from the swagger's
 * invitation description (vendors.md §4); all of them exist in both the swagger and the v4 SDK.
 */
final class BrevoRoles {

  /** The body fields of an invitation. */
  record Access(boolean allFeaturesAccess, List<Privilege> privileges) {}

  static final List<String> ROLES = List.of("viewer", "editor", "admin");

  private static final Access ADMIN = new Access(true, List.of());

  private static final Access EDITOR =
      new Access(
          false,
          List.of(
              new Privilege(
                  "email_campaigns", List.of("create_edit_delete", "send_schedule_suspend")),
              new Privilege(
                  "contacts",
                  List.of(
                      "view",
                      "create_edit_delete",
                      "import",
                      "export",
                      "list_and_attributes",
                      "forms")),
              new Privilege("templates", List.of("create_edit_delete", "activate_deactivate"))));

  // Brevo has no read-only campaign permission; a viewer may look at contacts and nothing else.
  private static final Access VIEWER =
      new Access(false, List.of(new Privilege("contacts", List.of("view"))));

  /**
   * The access for a Roster role, case-insensitive.
   *
   * @throws Rejected naming the accepted roles when the role is unknown
   */
  static Access forRole(String role) {
    String normalised = role == null ? "" : role.trim().toLowerCase(Locale.ROOT);
    return switch (normalised) {
      case "admin" -> ADMIN;
      case "editor" -> EDITOR;
      case "viewer" -> VIEWER;
      default ->
          throw new Rejected(
              BrevoClient.VENDOR,
              "invite",
              0,
              null,
              "unknown role '" + role + "'; accepted roles: " + String.join(", ", ROLES));
    };
  }

  private BrevoRoles() {}
}
