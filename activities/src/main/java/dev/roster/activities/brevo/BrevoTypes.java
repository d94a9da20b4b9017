package dev.roster.activities.brevo;

import dev.roster.workflows.team.MemberStatus;
import java.util.List;
import java.util.Map;

/** What {@link BrevoClient} returns: Roster-side views of Brevo objects. */
public final class BrevoTypes {

  /** A user or pending invitee of the organization. */
  public record OrganizationUser(String email, boolean owner, MemberStatus status) {}

  /** One Brevo feature and the permissions granted on it, e.g. contacts: [view]. */
  public record Privilege(String feature, List<String> permissions) {
    public Privilege {
      permissions = List.copyOf(permissions);
    }
  }

  /**
   * A contact as Brevo stores it.
   *
   * @param listIds the lists it belongs to
   * @param listUnsubscribed the lists it unsubscribed from itself (vendors.md §4)
   * @param emailBlacklisted Brevo's account-wide email suppression
   */
  public record Contact(
      String email,
      long id,
      Map<String, Object> attributes,
      List<Long> listIds,
      List<Long> listUnsubscribed,
      boolean emailBlacklisted) {

    /** The lists it is subscribed to: member of, and not unsubscribed from. */
    public List<Long> subscribedListIds() {
      return listIds.stream().filter(id -> !listUnsubscribed.contains(id)).toList();
    }
  }

  /** The outcome of adding addresses to a list. */
  public record ListAddResult(List<String> success, List<String> failure) {}

  /** One row of a contacts import. */
  public record ImportContact(String email, Map<String, Object> attributes) {}

  /**
   * An import process. vendors.md §4 ⚠: swagger says {@code queued, in_process, completed}, the v4
   * SDK {@code queued, processing, completed, failed, cancelled}; any word that is not an end state
   * is running.
   *
   * @param invalidEmails {@code info.import.invalid_emails} (v4 SDK), 0 when absent
   * @param exportUrl where the refused rows can be read, or null
   */
  public record ImportProcess(long id, String status, int invalidEmails, String exportUrl) {
    public boolean completed() {
      return "completed".equalsIgnoreCase(status);
    }

    public boolean failed() {
      return "failed".equalsIgnoreCase(status) || "cancelled".equalsIgnoreCase(status);
    }
  }

  private BrevoTypes() {}
}
