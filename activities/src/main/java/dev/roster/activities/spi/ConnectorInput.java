package dev.roster.activities.spi;

import dev.roster.activities.http.Rejected;
import dev.roster.workflows.request.Roles;
import java.util.ArrayList;
import java.util.List;

/**
 * What every connector makes of its caller's input before the first vendor call: the address, list
 * ids, a person's name and a Roster role. A bad value is the caller's mistake, so it is Rejected
 * (not retryable) with a message naming it, and no call is made.
 */
public final class ConnectorInput {

  /**
   * The trimmed address.
   *
   * @throws Rejected when it is missing
   */
  public static String address(String vendor, String email, String operation) {
    if (email == null || email.isBlank()) {
      throw new Rejected(vendor, operation, 0, null, "email is missing");
    }
    return email.trim();
  }

  /**
   * Every list id as a number, all checked before the first call so a typo does not leave half of a
   * subscription done.
   *
   * @throws Rejected naming the first id that is not a number
   */
  public static List<Long> numericListIds(String vendor, String operation, List<String> listIds) {
    List<Long> ids = new ArrayList<>(listIds.size());
    for (String listId : listIds) {
      try {
        ids.add(Long.parseLong(listId.trim()));
      } catch (NumberFormatException | NullPointerException e) {
        throw new Rejected(
            vendor,
            operation,
            0,
            null,
            "list id '" + listId + "' is not a " + vendor + " list id (a number)");
      }
    }
    return ids;
  }

  /** "First Last", either part optional; null when both are missing. */
  public static String fullName(String first, String last) {
    String joined =
        ((first == null ? "" : first.trim()) + " " + (last == null ? "" : last.trim())).trim();
    return joined.isEmpty() ? null : joined;
  }

  /**
   * The vendor's access for a Roster role ({@link Roles}), in any case.
   *
   * @throws Rejected (refused before any call) naming Roster's roles when the role is not one
   */
  public static <A> A forRole(String vendor, String role, A admin, A editor, A viewer) {
    return switch (Roles.normalize(role).orElse("")) {
      case Roles.ADMIN -> admin;
      case Roles.EDITOR -> editor;
      case Roles.VIEWER -> viewer;
      default -> throw new Rejected(vendor, "invite", 0, null, Roles.problem("role", role));
    };
  }

  private ConnectorInput() {}
}
