package dev.roster.workflows.bulkimport;

import java.time.Duration;

/**
 * How a bulk import runs. Zero or null fields take the defaults of {@link #defaults()}.
 *
 * @param dryRun validate and report, change nothing
 * @param approvalAbove more valid rows than this need an approval (rows asking for team access
 *     always do)
 * @param chunkRows the most rows per vendor job (the vendor's own limit applies too)
 * @param reportDirectory must be null: failure reports go to the worker's {@code imports.store}
 *     (kept so requests written for older versions still parse; a value is refused)
 * @param maxInvitesInFlight team invitations (child OnboardUser workflows) running at once
 * @param pollEvery the wait between job status polls; null takes the vendor's
 * @param historyEventLimit continue-as-new once a run's history is this long
 * @param deleteFilesWhenDone delete the import's files (plan, failure report) from the store when
 *     it ends (the worker's {@code imports.deleteFilesWhenDone} may say so for every import)
 */
public record ImportSettings(
    boolean dryRun,
    long approvalAbove,
    int chunkRows,
    String reportDirectory,
    int maxInvitesInFlight,
    Duration pollEvery,
    int historyEventLimit,
    boolean deleteFilesWhenDone) {

  /** Settings whose files are kept when the import ends (unless the worker deletes them all). */
  public ImportSettings(
      boolean dryRun,
      long approvalAbove,
      int chunkRows,
      String reportDirectory,
      int maxInvitesInFlight,
      Duration pollEvery,
      int historyEventLimit) {
    this(
        dryRun,
        approvalAbove,
        chunkRows,
        reportDirectory,
        maxInvitesInFlight,
        pollEvery,
        historyEventLimit,
        false);
  }

  public static final long DEFAULT_APPROVAL_ABOVE = 1_000;
  public static final int DEFAULT_CHUNK_ROWS = 5_000;
  public static final int DEFAULT_INVITES_IN_FLIGHT = 20;

  /** Under Temporal's 10,240-event warning, far under the 51,200 limit. */
  public static final int DEFAULT_HISTORY_EVENT_LIMIT = 8_000;

  public static ImportSettings defaults() {
    return new ImportSettings(false, 0, 0, null, 0, null, 0);
  }

  public long approvalAboveOrDefault() {
    return approvalAbove > 0 ? approvalAbove : DEFAULT_APPROVAL_ABOVE;
  }

  public int chunkRowsOrDefault() {
    return chunkRows > 0 ? chunkRows : DEFAULT_CHUNK_ROWS;
  }

  public int invitesInFlightOrDefault() {
    return maxInvitesInFlight > 0 ? maxInvitesInFlight : DEFAULT_INVITES_IN_FLIGHT;
  }

  public int historyEventLimitOrDefault() {
    return historyEventLimit > 0 ? historyEventLimit : DEFAULT_HISTORY_EVENT_LIMIT;
  }

  public ImportSettings withDryRun(boolean value) {
    return new ImportSettings(
        value,
        approvalAbove,
        chunkRows,
        reportDirectory,
        maxInvitesInFlight,
        pollEvery,
        historyEventLimit,
        deleteFilesWhenDone);
  }
}
