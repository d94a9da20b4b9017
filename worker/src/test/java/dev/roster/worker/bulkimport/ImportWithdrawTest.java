package dev.roster.worker.bulkimport;

import static dev.roster.worker.bulkimport.ImportTestbed.BREVO;
import static dev.roster.worker.bulkimport.ImportTestbed.BREVO_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.bulkimport.BulkImportWorkflow;
import dev.roster.workflows.bulkimport.ImportSettings;
import dev.roster.workflows.bulkimport.ImportTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An import waiting for its approval can be withdrawn: it ends CANCELLED and sends nothing. */
class ImportWithdrawTest {
  @TempDir Path dir;

  @Test
  @Timeout(120)
  void anImportWaitingForItsApprovalIsWithdrawnAndSendsNothing() {
    ImportFiles csv = ImportFiles.write(dir, 50);
    try (ImportTestbed bed = new ImportTestbed(dir)) {
      BulkImportRequest request =
          new BulkImportRequest(
              csv.file.toString(),
              List.of(new ImportTarget(BREVO, List.of(Long.toString(BREVO_LIST)))),
              new ImportSettings(false, 10, 0, null, 0, Duration.ofSeconds(30), 0),
              "alice",
              null,
              null);
      BulkImportWorkflow stub = bed.start("import-withdrawn", request);
      bed.env.sleep(Duration.ofHours(1));
      assertThat(stub.status().phase()).isEqualTo("approval");
      bed.brevo.resetCounters();

      stub.withdraw(new Decision("alice", "wrong file", "test"));
      BulkImportResult result =
          bed.client.newUntypedWorkflowStub("import-withdrawn").getResult(BulkImportResult.class);

      assertThat(result.outcome()).isEqualTo("CANCELLED");
      assertThat(result.summary()).startsWith("withdrawn by alice before anything was sent");
      assertThat(result.status().approval().state()).isEqualTo("withdrawn");
      assertThat(result.status().approval().decision().comment()).isEqualTo("wrong file");
      assertThat(bed.brevo.totalCalls()).isZero();
      assertThat(bed.brevo.contacts()).isEmpty();
    }
  }
}
