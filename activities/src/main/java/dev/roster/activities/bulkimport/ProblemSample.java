package dev.roster.activities.bulkimport;

/**
 * One problem as shown in a dry run, a log line or an approval request: the email is masked.
 *
 * @param line the physical line the row starts on
 * @param reason why the row is not imported
 * @param detail more about why; never contains the email
 * @param maskedEmail e.g. {@code a***@example.com}, or empty when the cell was empty
 */
public record ProblemSample(long line, RowProblem reason, String detail, String maskedEmail) {

  static ProblemSample of(RowFailure failure) {
    return new ProblemSample(
        failure.line(), failure.reason(), failure.detail(), failure.maskedEmail());
  }
}
