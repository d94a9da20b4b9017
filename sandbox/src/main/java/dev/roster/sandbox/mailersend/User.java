package dev.roster.sandbox.mailersend;

import java.time.Instant;
import java.util.List;

/**
 * Snapshot of an account user, for test assertions.
 *
 * @param owner the seeded account owner, whom the fake refuses to delete
 */
public record User(
    String id,
    String email,
    String role,
    List<String> permissions,
    boolean owner,
    Instant createdAt,
    Instant updatedAt) {

  public User {
    permissions = List.copyOf(permissions);
  }
}
