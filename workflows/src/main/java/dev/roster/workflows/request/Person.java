package dev.roster.workflows.request;

import java.util.Locale;

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
}
