package dev.roster.activities.brevo;

import dev.roster.activities.brevo.BrevoTypes.Privilege;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.spi.ConnectorInput;
import dev.roster.workflows.request.Roles;
import java.util.List;

/**
 * Roster roles as Brevo invitation access. Feature and permission names are from the swagger's
 * invitation description (vendors.md §4); all of them exist in both the swagger and the v4 SDK.
 */
final class BrevoRoles {

  /** The body fields of an invitation. */
  record Access(boolean allFeaturesAccess, List<Privilege> privileges) {}

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
   * The access for a Roster role ({@link Roles}), case-insensitive.
   *
   * @throws Rejected (refused before any call) naming Roster's roles when the role is not one
   */
  static Access forRole(String role) {
    return ConnectorInput.forRole(BrevoClient.VENDOR, role, ADMIN, EDITOR, VIEWER);
  }

  private BrevoRoles() {}
}
