package dev.roster.activities.mailersend;

import dev.roster.activities.http.Rejected;
import java.util.List;
import java.util.Locale;

/**
 * Roster roles as MailerSend roles. Role names are from vendors.md §2; permission names from the
 * official Python SDK's users builder ({@code mailersend/mailersend-python:mailersend/builders/
 * users.py}).
 */
final class MailerSendRoles {

  /** The role and permissions of an invite. */
  record Access(String role, List<String> permissions) {}

  static final List<String> ROLES = List.of("viewer", "editor", "admin");

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
              MailerSendClient.VENDOR,
              "invite",
              0,
              null,
              "unknown role '" + role + "'; accepted roles: " + String.join(", ", ROLES));
    };
  }

  private MailerSendRoles() {}
}
