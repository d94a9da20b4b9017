package dev.roster.activities.mailersend;

import dev.roster.activities.http.Rejected;
import dev.roster.activities.spi.ConnectorInput;
import dev.roster.workflows.request.Roles;
import java.util.List;

/**
 * Roster roles as MailerSend roles. Role names are from vendors.md §2; permission names from the
 * official Python SDK's users builder ({@code mailersend/mailersend-python:mailersend/builders/
 * users.py}).
 */
final class MailerSendRoles {

  /** The role and permissions of an invite. */
  record Access(String role, List<String> permissions) {}

  private static final Access ADMIN = new Access("Admin", List.of());

  // Manager runs the sending side (domains, templates, webhooks, analytics) without owning
  // billing, API tokens or the team: what an editor should be able to do.
  private static final Access EDITOR = new Access("Manager", List.of());

  // The brief suggested Designer, but Designer edits templates; MailerSend has no read-only role,
  // so a viewer is a Custom User holding only read-* permissions.
  private static final Access VIEWER =
      new Access(
          "Custom User",
          List.of(
              "read-all-templates",
              "read-recipient",
              "read-activity",
              "read-email",
              "read-analytics",
              "read-suppressions"));

  /**
   * The access for a Roster role ({@link Roles}), case-insensitive.
   *
   * @throws Rejected (refused before any call) naming Roster's roles when the role is not one
   */
  static Access forRole(String role) {
    return ConnectorInput.forRole(MailerSendClient.VENDOR, role, ADMIN, EDITOR, VIEWER);
  }

  private MailerSendRoles() {}
}
