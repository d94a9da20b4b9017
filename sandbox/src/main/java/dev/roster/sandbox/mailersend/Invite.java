package dev.roster.sandbox.mailersend;

import java.time.Instant;
import java.util.List;

/**
 * Snapshot of a pending invitation, for test assertions.
 *
 * @param resendCount how many times {@code POST /invites/{id}/resend} was called
 */
public record Invite(
    String id,
    String email,
    String role,
    List<String> permissions,
    int resendCount,
    Instant createdAt,
    Instant updatedAt) {

  public Invite {
    permissions = List.copyOf(permissions);
  }
}
