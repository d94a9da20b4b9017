package dev.roster.workflows.bulkimport;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * Reading and checking an import's source, on the {@code roster} queue (it calls no vendor). The
 * failure report and the plan file are written where the source's workers can read them.
 */
@ActivityInterface
public interface ImportPlanningActivities {

  /**
   * Reads the whole source once: validates every row, writes the failure CSV and the plan file.
   * Changes nothing at any vendor; running it again rewrites the same two files. Heartbeats.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@code ImportFailed} (not retryable) for
   *     a missing, unreadable, oversized or malformed source; {@code SourceUnavailable} (retryable)
   *     for transient read errors
   */
  @ActivityMethod
  PlanSummary planImport(String source, String reportDirectory, String reportName);

  /**
   * The next rows asking for team access from {@code at}: reads until a stretch of the source holds
   * some, a bounded number of rows was read, or the source ends. Read-only and deterministic: the
   * same position gives the same batch.
   */
  @ActivityMethod
  InviteBatch invitations(String planFile, ChunkPosition at);

  /** How each account takes a bulk import. Read-only; unknown accounts come back unsupported. */
  @ActivityMethod
  List<BulkTarget> bulkTargets(List<String> accounts);
}
