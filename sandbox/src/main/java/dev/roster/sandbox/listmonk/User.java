package dev.roster.sandbox.listmonk;

/**
 * Snapshot of a listmonk user, for test assertions.
 *
 * @param type {@code user} or {@code api}
 * @param status {@code enabled} or {@code disabled}
 * @param userRoleName the name of the user role, e.g. {@code Super Admin}
 */
public record User(
    long id,
    String username,
    String email,
    String name,
    String type,
    String status,
    long userRoleId,
    String userRoleName) {

  public boolean isEnabled() {
    return "enabled".equals(status);
  }
}
