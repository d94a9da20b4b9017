package dev.roster.worker.bulkimport;

import static dev.roster.worker.bulkimport.BulkImportTest.byAccount;
import static dev.roster.worker.bulkimport.BulkImportTest.lower;
import static dev.roster.worker.bulkimport.ImportTestbed.BREVO_LIST;
import static dev.roster.worker.bulkimport.ImportTestbed.MAILJET_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.bulkimport.AccountProgress;
import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.bulkimport.BulkImportWorkflow;
import dev.roster.workflows.bulkimport.ImportSettings;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ImportRestartTest {
  @TempDir Path dir;

  /**
   * @param pollEvery short for the restart: a worker stopped mid-activity can leave the test
   *     environment's time-skipping lock held, so the rest of that import runs on real time
   */
  private static BulkImportRequest request(ImportFiles csv, ImportTestbed bed, Duration pollEvery) {
    return new BulkImportRequest(
        csv.file.toString(),
        bed.threeAccounts(),
        new ImportSettings(false, 100_000, 500, null, 0, pollEvery, 0),
        "alice",
        null,
        null);
  }

  @Test
  void aChunkLostAfterTheVendorAcceptedIsResentAndEveryRowIsImportedOnce() {
    ImportFiles csv = ImportFiles.write(dir, 3_000);
    FlakyBulkConnector[] flaky = new FlakyBulkConnector[1];
    try (ImportTestbed bed = new ImportTestbed(dir, c -> flaky[0] = new FlakyBulkConnector(c, 3))) {
      bed.start("import-flaky", request(csv, bed, Duration.ofSeconds(30)));
      BulkImportResult result =
          bed.client.newUntypedWorkflowStub("import-flaky").getResult(BulkImportResult.class);

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      // 6 chunks of 500 rows; the third was sent twice (the vendor had accepted it).
      assertThat(flaky[0].starts()).isEqualTo(7);
      assertThat(bed.brevo.processes().started()).isEqualTo(7);
      assertExactlyOnce(bed, csv, result);
    }
  }

  /**
   * A worker stopped mid-import and a new one started on the same (real-clock) server: the new
   * worker replays the history and carries on from the last recorded step.
   */
  @Test
  @Timeout(120)
  void aWorkerRestartedMidImportNeitherLosesNorRepeatsRows() throws Exception {
    ImportFiles csv = ImportFiles.write(dir, 3_000);
    FlakyBulkConnector[] brevo = new FlakyBulkConnector[1];
    try (ImportTestbed bed =
        ImportTestbed.realClockWithoutWorker(dir, c -> brevo[0] = new FlakyBulkConnector(c, 0))) {
      WorkerFactory first = bed.startWorker();
      BulkImportRequest request =
          new BulkImportRequest(
              csv.file.toString(),
              request(csv, bed, Duration.ofMillis(100)).targets(),
              new ImportSettings(false, 100_000, 100, null, 0, Duration.ofMillis(100), 0),
              "alice",
              null,
              null);
      BulkImportWorkflow stub = bed.start("import-restart", request);
      assertThat(brevo[0].awaitStarts(5)).as("five Brevo chunks started").isTrue();
      first.shutdown();
      first.awaitTermination(30, TimeUnit.SECONDS);
      int jobsAtStop = bed.brevo.processes().started();
      assertThat(jobsAtStop).as("stopped mid-import").isBetween(5, 29);

      WorkerFactory second = bed.startWorker();
      try {
        BulkImportResult result =
            bed.client.newUntypedWorkflowStub("import-restart").getResult(BulkImportResult.class);
        assertThat(result.outcome()).isEqualTo("COMPLETED");
        assertExactlyOnce(bed, csv, result);
        // Every chunk was started once: the restart repeated no vendor job.
        assertThat(bed.brevo.processes().started()).isEqualTo(30);
      } finally {
        second.shutdown();
        second.awaitTermination(30, TimeUnit.SECONDS);
      }
    }
  }

  private static void assertExactlyOnce(ImportTestbed bed, ImportFiles csv, BulkImportResult r) {
    Set<String> expected = lower(csv.valid);
    assertThat(lower(bed.brevo.listMemberEmails(BREVO_LIST))).isEqualTo(expected);
    assertThat(lower(bed.mailjet.listMemberEmails(MAILJET_LIST))).isEqualTo(expected);
    assertThat(lower(bed.listmonk.listMemberEmails(bed.listmonkList))).isEqualTo(expected);
    assertThat(bed.brevo.contacts()).hasSize(expected.size());
    assertThat(bed.mailjet.contacts()).hasSize(expected.size());
    Map<String, AccountProgress> accounts = byAccount(r.status().progress().accounts());
    for (AccountProgress a : accounts.values()) {
      assertThat(a.sent()).as(a.account()).isEqualTo(expected.size());
      assertThat(a.confirmed()).as(a.account()).isEqualTo(expected.size());
      assertThat(a.rowsRead()).as(a.account()).isEqualTo(csv.rows);
    }
  }
}
