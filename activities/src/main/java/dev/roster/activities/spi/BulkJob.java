package dev.roster.activities.spi;

/**
 * A vendor import job's status.
 *
 * @param jobId the vendor's job id
 * @param vendorStatus the vendor's own status word, whatever its vocabulary
 * @param state RUNNING for any word that is not a known end state
 * @param rows rows the job holds (0 when the vendor does not say)
 * @param rejected rows the vendor refused, when it counts them (else 0)
 * @param error the vendor's error text for a failed job or failed rows, or null
 */
public record BulkJob(
    String jobId, String vendorStatus, State state, int rows, int rejected, String error) {

  /** Where a job stands. */
  public enum State {
    RUNNING,
    COMPLETED,
    FAILED
  }

  public boolean finished() {
    return state != State.RUNNING;
  }
}
