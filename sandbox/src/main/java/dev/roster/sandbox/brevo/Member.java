package dev.roster.sandbox.brevo;

import java.time.Instant;
import java.util.List;

/**
 * Snapshot of an organization user or invitee, for test assertions.
 *
 * @param status "pending" or "active"
 * @param invitedAt clock time of the last invite or resend (null for the seeded owner)
 */
public record Member(
    String email,
    String status,
    boolean owner,
    boolean allFeaturesAccess,
    List<Privilege> privileges,
    int resendCount,
    Instant invitedAt) {

  public Member {
    privileges = List.copyOf(privileges);
  }

  public boolean isPending() {
    return "pending".equals(status);
  }

  public boolean isActive() {
    return "active".equals(status);
  }

  /** One feature and its granted permissions, as sent in an invitation. */
  public record Privilege(String feature, List<String> permissions) {
    public Privilege {
      permissions = List.copyOf(permissions);
    }
  }
}
