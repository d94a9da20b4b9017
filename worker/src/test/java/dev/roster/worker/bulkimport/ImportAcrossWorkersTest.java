package dev.roster.worker.bulkimport;

import static dev.roster.worker.bulkimport.BulkImportTest.byAccount;
import static dev.roster.worker.bulkimport.BulkImportTest.lower;
import static dev.roster.worker.bulkimport.ImportTestbed.BREVO_LIST;
import static dev.roster.worker.bulkimport.ImportTestbed.MAILJET_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.bulkimport.AccountProgress;
import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.bulkimport.ImportSettings;
import io.temporal.worker.WorkerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import that outlives the worker that planned it: two workers that share nothing but the import
 * store, each mounting it at a path of its own, as two containers mount one volume. The first plans
 * and sends the first chunks, then stops, and its mount goes with it; the second, started
 * afterwards, sends the rest. Plans and reports are found by their place in the store, not by the
 * first worker's paths, and every row is imported exactly once.
 */
class ImportAcrossWorkersTest {
  @TempDir Path dir;

  @Test
  @Timeout(120)
  void anImportPlannedOnOneWorkerFinishesOnAnotherThatMountsTheStoreElsewhere() throws Exception {
    ImportFiles csv = ImportFiles.write(dir, 3_000);
    Path volume = Files.createDirectories(dir.resolve("shared-volume"));
    Path mountA = Files.createSymbolicLink(dir.resolve("worker-a-store"), volume);
    Path mountB = Files.createSymbolicLink(dir.resolve("worker-b-store"), volume);
    FlakyBulkConnector[] onA = new FlakyBulkConnector[1];
    FlakyBulkConnector[] onB = new FlakyBulkConnector[1];
    try (ImportTestbed bed = ImportTestbed.realClockWithoutWorker(dir, c -> c)) {
      WorkerFactory first =
          bed.startWorker(bed.imports(mountA), c -> onA[0] = new FlakyBulkConnector(c, 0));
      BulkImportRequest request =
          new BulkImportRequest(
              csv.file.toString(),
              bed.threeAccounts(),
              new ImportSettings(false, 100_000, 100, null, 0, Duration.ofMillis(100), 0),
              "alice",
              null,
              null);
      bed.start("import-two-workers", request);
      assertThat(onA[0].awaitStarts(5)).as("the first worker sent chunks").isTrue();
      first.shutdown();
      first.awaitTermination(30, TimeUnit.SECONDS);
      Files.delete(mountA);

      WorkerFactory second =
          bed.startWorker(bed.imports(mountB), c -> onB[0] = new FlakyBulkConnector(c, 0));
      try {
        BulkImportResult result =
            bed.client
                .newUntypedWorkflowStub("import-two-workers")
                .getResult(BulkImportResult.class);

        assertThat(result.outcome()).as(result.summary()).isEqualTo("COMPLETED");
        assertThat(onA[0].starts()).as("chunks sent by the first worker").isPositive();
        assertThat(onB[0].starts()).as("chunks sent by the second worker").isPositive();
        assertThat(onA[0].starts() + onB[0].starts()).isEqualTo(30);
        Set<String> expected = lower(csv.valid);
        assertThat(lower(bed.brevo.listMemberEmails(BREVO_LIST))).isEqualTo(expected);
        assertThat(lower(bed.mailjet.listMemberEmails(MAILJET_LIST))).isEqualTo(expected);
        assertThat(lower(bed.listmonk.listMemberEmails(bed.listmonkList))).isEqualTo(expected);
        assertThat(bed.brevo.contacts()).hasSize(expected.size());
        for (AccountProgress a : byAccount(result.status().progress().accounts()).values()) {
          assertThat(a.confirmed()).as(a.account()).isEqualTo(expected.size());
        }
        String report =
            Files.readString(
                mountB.resolve("import-two-workers/failures.csv"), StandardCharsets.UTF_8);
        assertThat(report).contains("\r\n" + ImportFiles.BAD_EMAIL_LINE + ",INVALID_EMAIL,");
      } finally {
        second.shutdown();
        second.awaitTermination(30, TimeUnit.SECONDS);
      }
    }
  }
}
