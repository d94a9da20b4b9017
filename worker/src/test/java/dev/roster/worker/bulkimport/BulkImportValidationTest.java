package dev.roster.worker.bulkimport;

import static dev.roster.worker.bulkimport.ImportTestbed.BREVO;
import static dev.roster.worker.bulkimport.ImportTestbed.MAILERSEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.bulkimport.ImportSettings;
import dev.roster.workflows.bulkimport.ImportTarget;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BulkImport checks its request itself (it may come from {@code temporal workflow start}): an
 * invalid one fails at once, not retryable, naming the field, before anything is read or sent.
 */
class BulkImportValidationTest {
  @TempDir Path dir;

  @Test
  void anInvalidRequestFailsAtOnceNamingTheField() {
    ImportFiles csv = ImportFiles.write(dir, 10);
    String file = csv.file.toString();
    ImportSettings defaults = ImportSettings.defaults();
    try (ImportTestbed bed = new ImportTestbed(dir)) {
      assertInvalid(
          bed,
          "import-word-list",
          new BulkImportRequest(file, brevo("two"), defaults, "alice", null, null),
          "targets[0].lists: 'two' is not a list id");
      assertInvalid(
          bed,
          "import-mailersend-list",
          new BulkImportRequest(
              file,
              List.of(new ImportTarget(MAILERSEND, List.of("5"))),
              defaults,
              "alice",
              null,
              null),
          "targets[0].lists: mailersend-test takes no contacts");
      assertInvalid(
          bed,
          "import-nobody",
          new BulkImportRequest(file, brevo("2"), defaults, " ", null, null),
          "requestedBy: missing");
      assertInvalid(
          bed,
          "import-email-ticket",
          new BulkImportRequest(file, brevo("2"), defaults, "alice", "zed@example.com", null),
          "ticket: not a ticket number");
      assertInvalid(
          bed,
          "import-elsewhere",
          new BulkImportRequest(
              file,
              brevo("2"),
              new ImportSettings(false, 0, 0, "/tmp", 0, null, 0),
              "alice",
              null,
              null),
          "settings.reportDirectory: not supported");
      // Refused before planning: nothing was read, nothing written to the store.
      assertThat(dir.resolve("store")).doesNotExist();
    }
  }

  private static List<ImportTarget> brevo(String list) {
    return List.of(new ImportTarget(BREVO, List.of(list)));
  }

  private static void assertInvalid(
      ImportTestbed bed, String id, BulkImportRequest request, String problem) {
    bed.start(id, request);
    assertThatThrownBy(
            () -> bed.client.newUntypedWorkflowStub(id).getResult(BulkImportResult.class))
        .as(id)
        .isInstanceOfSatisfying(
            WorkflowFailedException.class,
            e -> {
              ApplicationFailure failure = (ApplicationFailure) e.getCause();
              assertThat(failure.getType()).isEqualTo("InvalidRequest");
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage()).contains(problem);
            });
  }
}
