package dev.roster.workflows.request;

import java.util.Locale;
import java.util.Optional;

/**
 * The person a request is about. The email is personal data: it travels in workflow payloads, which
 * Roster does not encrypt today (there is no payload codec yet, so anyone who can read the
 * namespace's histories can read it), and never in a workflow id or a search attribute, which are
 * indexed and shown everywhere.
 */
public record Person(String email, String firstName, String lastName) {

  /** The email as vendors compare it: trimmed and lower-cased. */
  public String normalizedEmail() {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }

  /** What is wrong with a request's {@code person} (missing, or not an address), if anything. */
  public static Optional<String> problem(Person person) {
    if (person == null) {
      return Optional.of("person: missing");
    }
    if (!Emails.isValid(person.email())) {
      return Optional.of(
          "person.email: not a valid email address (" + Emails.mask(person.email()) + ")");
    }
    return Optional.empty();
  }
}
