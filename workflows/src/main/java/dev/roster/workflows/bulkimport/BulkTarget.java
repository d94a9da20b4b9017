package dev.roster.workflows.bulkimport;

import java.time.Duration;

/**
 * How one account takes a bulk import, from its connector.
 *
 * @param account the account id
 * @param vendor the vendor type, or null when the account is unknown
 * @param supported whether the account can take contacts at all
 * @param reason why not, when not supported
 * @param submitQueue the activity queue that starts jobs (the bulk endpoint's rate budget)
 * @param jobQueue the activity queue that polls jobs (the status endpoint's rate budget)
 * @param maxRowsPerJob the vendor's most rows per job
 * @param pollInterval the vendor's wait between polls
 * @param maxJobsInFlight the most jobs the account runs at once (1: one after the other)
 */
public record BulkTarget(
    String account,
    String vendor,
    boolean supported,
    String reason,
    String submitQueue,
    String jobQueue,
    int maxRowsPerJob,
    Duration pollInterval,
    int maxJobsInFlight) {

  public int maxJobsInFlightOrOne() {
    return Math.max(1, maxJobsInFlight);
  }
}
