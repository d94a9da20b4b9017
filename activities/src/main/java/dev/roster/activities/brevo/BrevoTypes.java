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

  /** A contact as Brevo stores it. */
  public record Contact(
      String email, long id, Map<String, Object> attributes, List<Long> listIds) {}

  /** The outcome of adding addresses to a list. */
  public record ListAddResult(List<String> success, List<String> failure) {}

  private BrevoTypes() {}
}
