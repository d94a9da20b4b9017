package dev.roster.workflows.common;

import java.util.Locale;

/**
 * The person a request is about. The email is personal data: it may travel in payloads (which the
 * codec encrypts when a key is configured) but never in a workflow id or a search attribute.
 */
public record Person(String email, String firstName, String lastName) {

  /** The email as vendors compare it: trimmed and lower-cased. */
  public String normalizedEmail() {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }
}
