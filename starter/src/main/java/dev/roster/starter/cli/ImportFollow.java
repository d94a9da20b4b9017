package dev.roster.starter.cli;

import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.bulkimport.BulkImportStatus;
import dev.roster.workflows.bulkimport.ImportProgress;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code roster import --wait}: the progress bar until the import ends or waits on a person. */
final class ImportFollow {

  /** The failure's own message (an ApplicationFailure's), without Temporal's wrapping. */
  static String reason(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
      if (t instanceof ApplicationFailure af) {
        return af.getOriginalMessage();
      }
    }
    return t.getMessage();
  }

  /** The approval's lines, indented, and who may give it. */
  static String waitingForApproval(String id, BulkImportStatus status) {
    String what = status.approval() == null ? "" : status.approval().what();
    return "Waiting for an approval:\n"
        + StatusTable.indent(what, "  ")
        + "Someone other than "
        + status.requestedBy()
        + " runs:\n  roster approve "
        + id
        + " --by NAME   (or roster reject ...)";
  }

  /**
   * Shows the progress bar until the import ends or waits for an approval; the wait between two
   * looks is Temporal's long poll on the result. Returns the exit code.
   */
  static int follow(PrintWriter out, WorkflowClient client, String id, Duration every) {
    WorkflowStub stub = client.newUntypedWorkflowStub(id);
    boolean terminal = System.console() != null;
    String shown = null;
    while (true) {
      BulkImportResult result;
      try {
        result = stub.getResult(every.toMillis(), TimeUnit.MILLISECONDS, BulkImportResult.class);
      } catch (TimeoutException e) {
        ImportProgress progress = stub.query("progress", ImportProgress.class);
        if ("approval".equals(progress.phase())) {
          if (terminal && shown != null) {
            out.println();
          }
          BulkImportStatus status = stub.query("status", BulkImportStatus.class);
          out.println(waitingForApproval(id, status));
          out.flush();
          return 0;
        }
        String line = ImportProgressLine.of(progress);
        if (terminal) {
          out.print("\r" + line + "   ");
        } else if (!line.equals(shown)) {
          out.println(line);
        }
        out.flush();
        shown = line;
        continue;
      } catch (WorkflowFailedException e) {
        if (terminal && shown != null) {
          out.println();
        }
        out.println("Failed: " + reason(e));
        out.flush();
        return 1;
      }
      if (terminal && shown != null) {
        out.print("\r" + ImportProgressLine.of(result.status().progress()) + "   ");
        out.println();
      } else {
        out.println(ImportProgressLine.of(result.status().progress()));
      }
      out.println("Finished: " + result.outcome() + " (" + result.summary() + ")");
      out.flush();
      return "COMPLETED".equals(result.outcome()) || "DRY_RUN".equals(result.outcome()) ? 0 : 1;
    }
  }

  private ImportFollow() {}
}
