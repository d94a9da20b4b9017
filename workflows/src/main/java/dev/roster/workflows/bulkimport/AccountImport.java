package dev.roster.workflows.bulkimport;

import dev.roster.workflows.common.RosterActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One account's import, in its own workflow thread: chunk after chunk through the vendor's bulk
 * endpoint, each job polled on a workflow timer (no activity sits busy waiting). The chunk's
 * position is in the submit activity's input, recorded in history before anything is sent, and a
 * started job is recorded before it is polled; so a worker restart resumes at the last recorded
 * step: a resent chunk is an upsert at the vendor, never a second contact. A vendor failure ends
 * this account only.
 */
final class AccountImport {
  private final BulkTarget target;
  private final List<String> lists;
  private final int maxRows;
  private final Duration pollEvery;
  private final ImportVendorActivities submit;
  private final ImportVendorActivities jobs;
  private AccountProgress p;

  AccountImport(
      BulkTarget target, List<String> lists, AccountProgress start, ImportSettings settings) {
    this.target = target;
    this.lists = lists;
    this.p = start;
    this.maxRows = Math.min(settings.chunkRowsOrDefault(), Math.max(1, target.maxRowsPerJob()));
    this.pollEvery = settings.pollEvery() != null ? settings.pollEvery() : target.pollInterval();
    this.submit =
        target.supported()
            ? Workflow.newActivityStub(
                ImportVendorActivities.class,
                RosterActivityOptions.vendorCall(target.submitQueue(), "import chunk"))
            : null;
    this.jobs =
        target.supported()
            ? Workflow.newActivityStub(
                ImportVendorActivities.class,
                RosterActivityOptions.vendorCall(target.jobQueue(), "import job"))
            : null;
  }

  AccountProgress progress() {
    return p;
  }

  /** Works until the account is finished or {@code stop} asks for a new run (state kept). */
  void run(String planFile, BooleanSupplier stop) {
    if (!target.supported()) {
      p = with("skipped", target.reason());
      return;
    }
    try {
      while (!p.finished()) {
        if (p.pending() != null) {
          if (!awaitJob(planFile, stop)) {
            return;
          }
        } else if (p.last()) {
          p = with("done", "imported");
        } else if (stop.getAsBoolean()) {
          return;
        } else {
          send(planFile);
        }
      }
    } catch (ActivityFailure e) {
      String why =
          e.getCause() instanceof ApplicationFailure af
              ? af.getType() + ": " + af.getOriginalMessage()
              : e.getMessage();
      p = with("failed", why);
    }
  }

  private void send(String planFile) {
    p = with("importing", "sending rows from line " + p.next().lineNumber());
    SentChunk s = submit.submitChunk(planFile, p.account(), lists, p.next(), maxRows);
    PendingJob job = s.jobId() == null ? null : new PendingJob(s.jobId(), s.chunk(), s.rowsSent());
    p =
        new AccountProgress(
            p.account(),
            "importing",
            job == null ? "chunk had no valid rows" : "job " + s.jobId() + " started",
            s.next(),
            s.last(),
            p.rowsRead() + s.chunk().rowsInChunk(),
            p.sent() + s.rowsSent(),
            p.confirmed(),
            p.failed(),
            p.jobs() + (job == null ? 0 : 1),
            job);
  }

  /** Polls on timers until the job ends; false when {@code stop} interrupted the wait. */
  private boolean awaitJob(String planFile, BooleanSupplier stop) {
    PendingJob job = p.pending();
    JobProgress status;
    do {
      if (stop.getAsBoolean()) {
        return false;
      }
      Workflow.sleep(pollEvery);
      status = jobs.jobStatus(p.account(), job.jobId());
      p = with("importing", "job " + job.jobId() + ": " + status.vendorStatus());
    } while (!status.finished());
    int refused = 0;
    if (status.failed() || status.rejected() > 0 || status.error() != null) {
      refused = jobs.recordRejections(planFile, p.account(), job, status.failed());
    }
    refused = Math.min(refused, job.rows());
    p =
        new AccountProgress(
            p.account(),
            "importing",
            "job " + job.jobId() + " " + status.vendorStatus(),
            p.next(),
            p.last(),
            p.rowsRead(),
            p.sent(),
            p.confirmed() + job.rows() - refused,
            p.failed() + refused,
            p.jobs(),
            null);
    return true;
  }

  private AccountProgress with(String state, String detail) {
    return new AccountProgress(
        p.account(),
        state,
        detail,
        p.next(),
        p.last(),
        p.rowsRead(),
        p.sent(),
        p.confirmed(),
        p.failed(),
        p.jobs(),
        p.pending());
  }
}
