package dev.roster.starter.cli;

import dev.roster.workflows.request.Roles;
import dev.roster.workflows.request.Texts;
import dev.roster.workflows.request.Tickets;

/**
 * Checks of the options every request command shares, named as the user typed them, before anything
 * connects. The starters check the request again (field paths) for every other door.
 */
final class RequestOptionsCheck {

  /** {@code --requested-by}: someone, named without control characters. */
  static void requestedBy(String requestedBy) {
    if (requestedBy == null || requestedBy.isBlank()) {
      throw new UsageError(
          "--requested-by: say who asks (it may not be empty); they may not approve their own"
              + " request");
    }
    Texts.unsafeCharacter(requestedBy, false).ifPresent(c -> fail("--requested-by: contains " + c));
  }

  /** A person's name given with {@code option} (e.g. {@code --by}): not empty, no controls. */
  static void name(String option, String name) {
    if (name == null || name.isBlank()) {
      fail(option + ": say who (it may not be empty)");
    }
    Texts.unsafeCharacter(name, false).ifPresent(c -> fail(option + ": contains " + c));
  }

  /** {@code --ticket}: absent, or a ticket number (never an email: it becomes a workflow id). */
  static void ticket(String ticket) {
    if (ticket != null && !Tickets.isValid(ticket)) {
      fail("--ticket: not a ticket number: " + Tickets.RULE);
    }
  }

  /** {@code --role}: absent, or one of Roster's roles. */
  static void role(String role) {
    if (role != null && !Roles.isRole(role)) {
      fail(Roles.problem("--role", role));
    }
  }

  private static void fail(String message) {
    throw new UsageError(message);
  }

  private RequestOptionsCheck() {}
}
