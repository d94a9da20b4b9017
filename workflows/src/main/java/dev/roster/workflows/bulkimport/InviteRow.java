package dev.roster.workflows.bulkimport;

import dev.roster.workflows.request.Emails;

/**
 * A source row that asks for team access, as the invitation window needs it. The email travels in
 * this payload only, never in an id.
 *
 * @param line the row's physical line in the source (the child workflow's id carries it)
 * @param role {@code viewer}, {@code editor} or {@code admin}
 */
public record InviteRow(long line, String email, String firstName, String lastName, String role) {
  @Override
  public String toString() {
    return "InviteRow[line=" + line + ", email=" + Emails.mask(email) + ", role=" + role + "]";
  }
}
