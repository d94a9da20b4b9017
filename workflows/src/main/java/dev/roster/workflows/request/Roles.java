package dev.roster.workflows.request;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Roster's own team roles, the one definition every door and every connector uses: requests name
 * these, and each connector maps them to its vendor's permissions.
 */
public final class Roles {
  public static final String VIEWER = "viewer";
  public static final String EDITOR = "editor";
  public static final String ADMIN = "admin";

  /** Every role, least privileged first. */
  public static final List<String> ALL = List.of(VIEWER, EDITOR, ADMIN);

  /**
   * The role in Roster's spelling (trimmed, lower case), or empty when it is none of {@link #ALL}.
   */
  public static Optional<String> normalize(String role) {
    if (role == null) {
      return Optional.empty();
    }
    String normalized = role.trim().toLowerCase(Locale.ROOT);
    return ALL.contains(normalized) ? Optional.of(normalized) : Optional.empty();
  }

  /** Whether {@code role} is one of Roster's roles, in any case. */
  public static boolean isRole(String role) {
    return normalize(role).isPresent();
  }

  /** {@code "viewer, editor or admin"}, for messages. */
  public static String described() {
    return String.join(", ", ALL.subList(0, ALL.size() - 1)) + " or " + ALL.get(ALL.size() - 1);
  }

  /** The message for a role that is not Roster's; never echoes more than 40 characters of it. */
  public static String problem(String field, String role) {
    return field + ": '" + Texts.clip(role, 40) + "' is not a Roster role (" + described() + ")";
  }

  private Roles() {}
}
