package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import dev.roster.workflows.request.Emails;
import java.util.List;
import java.util.Map;

/**
 * One valid row, ready for a vendor. Small and JSON-friendly: chunks of these are activity
 * payloads.
 *
 * @param line the physical line in the source, for reports of vendor-side failures
 * @param email trimmed, as written
 * @param firstName null when absent or blank
 * @param lastName null when absent or blank
 * @param lists extra list ids from the {@code lists} column, in order, without duplicates
 * @param role {@code viewer}, {@code editor} or {@code admin} when the row asks for team access,
 *     else null
 * @param attributes vendor attribute name to value; blank cells are left out so an import never
 *     blanks existing vendor data
 */
public record ImportRow(
    long line,
    String email,
    String firstName,
    String lastName,
    List<String> lists,
    String role,
    Map<String, String> attributes) {

  public ImportRow {
    requireNonNull(email, "email is null");
    lists = lists == null ? List.of() : List.copyOf(lists);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** Masks the email: rows end up in logs through exceptions and debugging. */
  @Override
  public String toString() {
    return "ImportRow[line=" + line + ", email=" + Emails.mask(email) + ", role=" + role + "]";
  }
}
