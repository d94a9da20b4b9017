package dev.roster.workflows.bulkimport;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * An account's bulk endpoint, on the account's activity queues ({@code TaskQueues.activityQueue}).
 * Every call makes a bounded number of vendor calls; jobs are polled by the workflow on timers.
 */
@ActivityInterface
public interface ImportVendorActivities {

  /**
   * Reads the chunk at {@code at} (at most {@code maxRows} rows) and starts a vendor job with its
   * valid rows. Reading is deterministic (the same position gives the same rows) and vendor imports
   * are upserts, so a retry after the vendor accepted sends the same rows again without repeating a
   * contact. A chunk without valid rows starts no job.
   *
   * @throws io.temporal.failure.ApplicationFailure {@code ImportFailed} when the source changed or
   *     vanished; the vendor failure types otherwise
   */
  @ActivityMethod
  SentChunk submitChunk(
      String planFile, String account, List<String> lists, ChunkPosition at, int maxRows);

  /** A job's status. Read-only. */
  @ActivityMethod
  JobProgress jobStatus(String account, String jobId);

  /**
   * Appends the rows a finished job refused (all of its rows when the whole job failed) to the
   * failure report, with their line numbers and the vendor's reasons. Idempotent: a job is appended
   * once.
   *
   * @return how many rows were appended
   */
  @ActivityMethod
  int recordRejections(String planFile, String account, PendingJob job, boolean jobFailed);
}
