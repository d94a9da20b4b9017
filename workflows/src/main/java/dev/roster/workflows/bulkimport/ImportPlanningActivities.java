package dev.roster.workflows.bulkimport;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * Reading and checking an import's source, on the {@code roster} queue (it calls no vendor). The
 * failure report and the plan are written to the import store ({@code imports.store}), which every
 * worker mounts; workflows carry references into it, never one worker's paths.
 */
@ActivityInterface
public interface ImportPlanningActivities {

  /**
   * Reads the whole source once: validates every row, writes the failure CSV and the plan file to
   * {@code <store>/<reportName>/}. Changes nothing at any vendor; running it again (from the start)
   * rewrites the same files. Heartbeats its position at checkpoints (every few seconds; the state
   * behind it is in the store), and a retry resumes at the last heartbeated checkpoint instead of
   * reading the source again from its start.
   *
   * @param reportDirectory must be null: a request cannot choose where reports go
   * @param reportName the import's directory in the store (its workflow id)
   * @throws io.temporal.failure.ApplicationFailure of type {@code ImportFailed} (not retryable) for
   *     a missing, unreadable, refused, binary, oversized or malformed source, or a worker without
   *     an import store; {@code SourceUnavailable} (retryable) for transient read errors
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

  /**
   * The import ended: deletes its files in the store (plan, failure report, the vendors' refused
   * rows, planning files) when {@code deleteFiles} (the request asked) or the worker's {@code
   * imports.deleteFilesWhenDone} says so. Idempotent: files already gone are fine.
   *
   * @param planFile the plan's reference in the store ({@link PlanSummary#planFile()})
   * @return whether the files are deleted
   * @throws io.temporal.failure.ApplicationFailure of type {@code ImportFailed} for a reference
   *     that is not a plan in the store, or a worker without one
   */
  @ActivityMethod
  boolean importEnded(String planFile, boolean deleteFiles);

  /** How each account takes a bulk import. Read-only; unknown accounts come back unsupported. */
  @ActivityMethod
  List<BulkTarget> bulkTargets(List<String> accounts);
}
