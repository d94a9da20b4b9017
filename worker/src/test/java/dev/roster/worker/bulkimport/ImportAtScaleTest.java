package dev.roster.worker.bulkimport;

import static dev.roster.worker.bulkimport.BulkImportTest.byAccount;
import static dev.roster.worker.bulkimport.ImportTestbed.BREVO_LIST;
import static dev.roster.worker.bulkimport.ImportTestbed.MAILJET_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.bulkimport.AccountProgress;
import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.bulkimport.BulkImportWorkflow;
import dev.roster.workflows.bulkimport.ImportSettings;
import io.temporal.api.history.v1.History;
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 rows into three accounts in chunks of 500 (600 vendor jobs, each polled on a timer) with
 * the default history budget: the import continues as new as often as it needs, and no run's
 * history comes near Temporal's limits.
 */
class ImportAtScaleTest {
  /** Temporal warns at 10,240 events (and 10 MB); it terminates at 51,200 (or 50 MB). */
  private static final int EVENT_WARNING = 10_240;

  private static final long SIZE_WARNING = 10L * 1024 * 1024;

  @TempDir Path dir;

  @Test
  @Timeout(600)
  void aHundredThousandRowsStayUnderTheHistoryLimitsInEveryRun() {
    ImportFiles csv = ImportFiles.write(dir, 100_000);
    try (ImportTestbed bed = new ImportTestbed(dir)) {
      var request =
          new BulkImportRequest(
              csv.file.toString(),
              bed.threeAccounts(),
              new ImportSettings(false, 1_000_000, 500, null, 0, Duration.ofSeconds(30), 0),
              "alice",
              null,
              null);
      BulkImportWorkflow stub = bed.start("import-scale", request);
      String firstRun = WorkflowStub.fromTyped(stub).getExecution().getRunId();
      BulkImportResult result =
          bed.client.newUntypedWorkflowStub("import-scale").getResult(BulkImportResult.class);

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      Map<String, AccountProgress> accounts = byAccount(result.status().progress().accounts());
      for (AccountProgress a : accounts.values()) {
        assertThat(a.confirmed()).as(a.account()).isEqualTo(csv.valid.size());
        assertThat(a.jobs()).as(a.account()).isEqualTo(200);
      }
      assertThat(bed.brevo.listMemberEmails(BREVO_LIST)).hasSize(csv.valid.size());
      assertThat(bed.mailjet.listMemberEmails(MAILJET_LIST)).hasSize(csv.valid.size());
      assertThat(bed.listmonk.listMemberEmails(bed.listmonkList)).hasSize(csv.valid.size());

      List<History> runs = BulkImportTest.runs(bed, "import-scale", firstRun);
      assertThat(runs.size()).as("runs").isGreaterThan(1);
      assertThat(result.status().progress().runs()).isEqualTo(runs.size() - 1);
      for (History h : runs) {
        assertThat(h.getEventsCount())
            .as("events in a run")
            .isLessThanOrEqualTo(ImportSettings.DEFAULT_HISTORY_EVENT_LIMIT + 200)
            .isLessThan(EVENT_WARNING);
        assertThat((long) h.getSerializedSize()).as("bytes in a run").isLessThan(SIZE_WARNING);
      }
      System.out.println(
          "100,000-row import: events per run "
              + runs.stream().map(h -> Integer.toString(h.getEventsCount())).toList()
              + ", bytes per run "
              + runs.stream().map(h -> Integer.toString(h.getSerializedSize())).toList());
    }
  }
}
