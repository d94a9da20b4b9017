package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import dev.roster.workflows.request.Emails;
import java.util.List;

/**
 * A row that will not be imported.
 *
 * @param line the physical line the row starts on
 * @param rowIndex 0-based data row index
 * @param reason why
 * @param detail more about why, never containing the email (safe for logs)
 * @param email the email cell as written, or null; full, so only for the operator's own report
 * @param fields the row's cells as read (partial for oversized rows)
 */
public record RowFailure(
    long line, long rowIndex, RowProblem reason, String detail, String email, List<String> fields) {

  public RowFailure {
    requireNonNull(reason, "reason is null");
    requireNonNull(detail, "detail is null");
    fields = List.copyOf(fields);
  }

  /** The email masked for logs and summaries. */
  public String maskedEmail() {
    return email == null || email.isBlank() ? "" : Emails.mask(email.trim());
  }

  @Override
  public String toString() {
    return "RowFailure[line=" + line + ", reason=" + reason + ", email=" + maskedEmail() + "]";
  }
}
