package dev.roster.workflows.bulkimport;

import dev.roster.workflows.conventions.RosterActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One account's import, in two workflow threads: a submitter that starts chunk after chunk through
 * the vendor's bulk endpoint while fewer than the account's {@code maxJobsInFlight} jobs are
 * pending, and a poller that polls every pending job on a workflow timer (no activity sits busy
 * waiting) and records what each finished job refused. A chunk's position is in the submit
 * activity's input, recorded in history before anything is sent, and a started job is recorded
 * before it is polled; so a worker restart resumes at the last recorded step: a resent chunk is an
 * upsert at the vendor, never a second contact. Pending jobs are carried across continue-as-new. A
 * vendor failure ends this account only.
 */
final class AccountImport {
  private final BulkTarget target;
  private final List<String> lists;
  private final int maxRows;
  private final int maxJobs;
  private final Duration pollEvery;
  private final ImportVendorActivities submit;
  private final ImportVendorActivities jobs;
  private AccountProgress p;
  private boolean submitting;
  private String failure;

  AccountImport(
      BulkTarget target, List<String> lists, AccountProgress start, ImportSettings settings) {
    this.target = target;
    this.lists = lists;
    this.p = start;
    this.maxRows = Math.min(settings.chunkRowsOrDefault(), Math.max(1, target.maxRowsPerJob()));
    this.maxJobs = target.maxJobsInFlightOrOne();
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
    if (p.finished()) {
      return;
    }
    submitting = true;
    Promise<Void> submitter = Async.procedure(() -> submitLoop(planFile, stop));
    Promise<Void> poller = Async.procedure(() -> pollLoop(planFile, stop));
    submitter.get();
    poller.get();
    if (failure != null) {
      p = with("failed", failure);
    } else if (p.last() && p.pending().isEmpty()) {
      p = with("done", "imported");
    }
  }

  private void submitLoop(String planFile, BooleanSupplier stop) {
    try {
      while (!p.last() && failure == null) {
        Workflow.await(() -> p.pending().size() < maxJobs || failure != null);
        if (failure != null || stop.getAsBoolean()) {
          return;
        }
        send(planFile);
      }
    } catch (ActivityFailure e) {
      failure = reason(e);
    } finally {
      submitting = false;
    }
  }

  private void pollLoop(String planFile, BooleanSupplier stop) {
    try {
      while (failure == null) {
        Workflow.await(() -> !p.pending().isEmpty() || !submitting || failure != null);
        if (p.pending().isEmpty() || failure != null) {
          if (!submitting) {
            return;
          }
          continue;
        }
        if (stop.getAsBoolean() && !submitting) {
          return;
        }
        Workflow.sleep(pollEvery);
        pollRound(planFile);
      }
    } catch (ActivityFailure e) {
      failure = reason(e);
    }
  }

  /** Polls every pending job at once (each call waits on the job family's budget). */
  private void pollRound(String planFile) {
    List<PendingJob> polled = p.pending();
    List<Promise<JobProgress>> answers = new ArrayList<>();
    for (PendingJob job : polled) {
      answers.add(Async.function(jobs::jobStatus, p.account(), job.jobId()));
    }
    for (int i = 0; i < polled.size(); i++) {
      PendingJob job = polled.get(i);
      JobProgress status = answers.get(i).get();
      if (!status.finished()) {
        p = with("importing", "job " + job.jobId() + ": " + status.vendorStatus());
        continue;
      }
      int refused = 0;
      if (status.failed() || status.rejected() > 0 || status.error() != null) {
        refused = jobs.recordRejections(planFile, p.account(), job, status.failed());
      }
      refused = Math.min(refused, job.rows());
      ImportRowMetrics.count(p.account(), job.rows() - refused, refused);
      List<PendingJob> left = new ArrayList<>(p.pending());
      left.remove(job);
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
              left);
    }
  }

  private void send(String planFile) {
    p = with("importing", "sending rows from line " + p.next().lineNumber());
    SentChunk s = submit.submitChunk(planFile, p.account(), lists, p.next(), maxRows);
    List<PendingJob> pending = new ArrayList<>(p.pending());
    if (s.jobId() != null) {
      pending.add(new PendingJob(s.jobId(), s.chunk(), s.rowsSent()));
    }
    p =
        new AccountProgress(
            p.account(),
            "importing",
            s.jobId() == null ? "chunk had no valid rows" : "job " + s.jobId() + " started",
            s.next(),
            s.last(),
            p.rowsRead() + s.chunk().rowsInChunk(),
            p.sent() + s.rowsSent(),
            p.confirmed(),
            p.failed(),
            p.jobs() + (s.jobId() == null ? 0 : 1),
            pending);
  }

  private static String reason(ActivityFailure e) {
    return e.getCause() instanceof ApplicationFailure af
        ? af.getType() + ": " + af.getOriginalMessage()
        : e.getMessage();
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
