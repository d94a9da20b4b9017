package dev.roster.workflows.request;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Ticket numbers as requests carry them. A ticket becomes part of workflow ids ({@code
 * onboard-<ticket>}), so it may hold only letters, digits, {@code _}, {@code .} and {@code -}, at
 * most {@value #MAX_LENGTH} characters: never an {@code @}, so never an email.
 */
public final class Tickets {
  public static final int MAX_LENGTH = 64;
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_LENGTH + "}");

  /** The rule in words, for help texts and messages. */
  public static final String RULE =
      "1-" + MAX_LENGTH + " letters, digits, '_', '.' or '-' (e.g. RITM0010001)";

  /** Whether {@code ticket} fits the pattern. */
  public static boolean isValid(String ticket) {
    return ticket != null && VALID.matcher(ticket).matches();
  }

  /** The problem with a ticket (null means no ticket, which is fine), or empty. */
  public static Optional<String> problem(String field, String ticket) {
    if (ticket == null || isValid(ticket)) {
      return Optional.empty();
    }
    // Never echoed: a ticket that is not a ticket may be an email.
    return Optional.of(field + ": not a ticket number: " + RULE);
  }

  private Tickets() {}
}
