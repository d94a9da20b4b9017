package dev.roster.workflows.testing;

import dev.roster.workflows.bulkimport.BulkTarget;
import dev.roster.workflows.bulkimport.ChunkPosition;
import dev.roster.workflows.bulkimport.ImportPlanningActivities;
import dev.roster.workflows.bulkimport.ImportVendorActivities;
import dev.roster.workflows.bulkimport.InviteBatch;
import dev.roster.workflows.bulkimport.InviteRow;
import dev.roster.workflows.bulkimport.JobProgress;
import dev.roster.workflows.bulkimport.PendingJob;
import dev.roster.workflows.bulkimport.PlanSummary;
import dev.roster.workflows.bulkimport.SentChunk;
import dev.roster.workflows.conventions.TaskQueues;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An import's source and the accounts' bulk endpoints as one stateful fake: a source of {@code
 * rows} valid rows (row i on line i + 2), some asking for team access; vendor jobs that finish
 * after {@code pollsPerJob} polls, each refusing {@code refusedPerJob} rows. It counts the jobs
 * each account has in flight, and the most it ever had.
 */
public final class FakeImports implements ImportPlanningActivities, ImportVendorActivities {
  private final Map<String, BulkTarget> targets = new LinkedHashMap<>();
  private final Map<String, Integer> polls = new HashMap<>();
  private final Map<String, Integer> inFlight = new HashMap<>();
  private final Map<String, Integer> mostInFlight = new HashMap<>();
  private final Map<String, Long> rowsSent = new HashMap<>();
  private final Map<String, String> submitFailures = new HashMap<>();
  private final List<InviteRow> teamRows = new ArrayList<>();
  private long rows;
  private int pollsPerJob = 1;
  private int refusedPerJob;
  private int jobs;
  private int plans;

  /** The source holds {@code rows} valid rows. */
  public synchronized FakeImports rows(long rows) {
    this.rows = rows;
    return this;
  }

  /** Rows that also ask for team access (their emails must be unique). */
  public synchronized FakeImports teamRow(long line, String email, String role) {
    teamRows.add(new InviteRow(line, email, null, null, role));
    return this;
  }

  public synchronized FakeImports jobs(int pollsPerJob, int refusedPerJob) {
    this.pollsPerJob = pollsPerJob;
    this.refusedPerJob = refusedPerJob;
    return this;
  }

  /** An account that takes bulk imports, at most {@code maxRowsPerJob} rows per job. */
  public synchronized FakeImports target(String account, int maxRowsPerJob, int maxJobsInFlight) {
    targets.put(
        account,
        new BulkTarget(
            account,
            "fake",
            true,
            null,
            TaskQueues.activityQueue(account, "contacts"),
            TaskQueues.activityQueue(account, "contacts"),
            maxRowsPerJob,
            Duration.ofMinutes(1),
            maxJobsInFlight));
    return this;
  }

  /** An account that takes no contacts (its rows with a role are still invited). */
  public synchronized FakeImports noContacts(String account) {
    targets.put(
        account,
        new BulkTarget(account, "fake", false, "keeps no contacts", null, null, 0, null, 0));
    return this;
  }

  /** Every submit on {@code account} fails with {@code type} (not retried for Rejected). */
  public synchronized FakeImports failSubmits(String account, String type) {
    submitFailures.put(account, type);
    return this;
  }

  public synchronized long rowsSent(String account) {
    return rowsSent.getOrDefault(account, 0L);
  }

  public synchronized int mostJobsInFlight(String account) {
    return mostInFlight.getOrDefault(account, 0);
  }

  /** How many planning passes read the source. */
  public synchronized int plans() {
    return plans;
  }

  public synchronized int jobsStarted() {
    return jobs;
  }

  private static ChunkPosition at(long rowIndex) {
    return new ChunkPosition(rowIndex * 100, rowIndex + 2, rowIndex, 0);
  }

  @Override
  public synchronized PlanSummary planImport(
      String source, String reportDirectory, String reportName) {
    plans++;
    return new PlanSummary(
        reportName + "/plan-1.json",
        reportName + "/failures.csv",
        rows,
        rows,
        0,
        teamRows.size(),
        rows + " rows, " + rows + " valid",
        at(0));
  }

  @Override
  public synchronized InviteBatch invitations(String planFile, ChunkPosition at) {
    // Two rows per batch, so a window crosses batches.
    List<InviteRow> batch = teamRows.stream().skip(at.rowIndex()).limit(2).toList();
    long next = at.rowIndex() + batch.size();
    return new InviteBatch(batch, at(next), next >= teamRows.size());
  }

  /** Each {@link #importEnded} call's {@code deleteFiles}, in order. */
  public final List<Boolean> endings = new ArrayList<>();

  @Override
  public synchronized boolean importEnded(String planFile, boolean deleteFiles) {
    endings.add(deleteFiles);
    return deleteFiles;
  }

  @Override
  public synchronized List<BulkTarget> bulkTargets(List<String> accounts) {
    return accounts.stream()
        .map(
            a ->
                targets.getOrDefault(
                    a, new BulkTarget(a, null, false, "unknown account", null, null, 0, null, 0)))
        .toList();
  }

  @Override
  public synchronized SentChunk submitChunk(
      String planFile, String account, List<String> lists, ChunkPosition at, int maxRows) {
    if (submitFailures.containsKey(account)) {
      throw ApplicationFailure.newFailure("bulk endpoint refused", submitFailures.get(account));
    }
    long end = Math.min(rows, at.rowIndex() + maxRows);
    int sent = (int) (end - at.rowIndex());
    String jobId = account + "-job-" + ++jobs;
    int now = inFlight.merge(account, 1, Integer::sum);
    mostInFlight.merge(account, now, Math::max);
    rowsSent.merge(account, (long) sent, Long::sum);
    ChunkPosition chunk = new ChunkPosition(at.byteOffset(), at.lineNumber(), at.rowIndex(), sent);
    return new SentChunk(jobId, chunk, at(end), end >= rows, sent, 0);
  }

  @Override
  public synchronized JobProgress jobStatus(String account, String jobId) {
    int n = polls.merge(jobId, 1, Integer::sum);
    if (n < pollsPerJob) {
      return new JobProgress("running", false, false, 0, null);
    }
    if (n == pollsPerJob) {
      inFlight.merge(account, -1, Integer::sum);
    }
    return new JobProgress("finished", true, false, refusedPerJob, null);
  }

  @Override
  public synchronized int recordRejections(
      String planFile, String account, PendingJob job, boolean jobFailed) {
    return jobFailed ? job.rows() : refusedPerJob;
  }
}
