package dev.roster.worker.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.worker.testbed.Histories;
import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.bulkimport.ImportSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where an import's files go and when they go away: in the store, owner-only, never beside the
 * source; deleted at the end when the request asks ({@code --delete-files-when-done}).
 */
class ImportFilesWhenDoneTest {
  @TempDir Path dir;

  private static ImportSettings settings(boolean deleteFilesWhenDone) {
    return new ImportSettings(
        false, 100_000, 1_000, null, 0, Duration.ofSeconds(30), 0, deleteFilesWhenDone);
  }

  @Test
  @Timeout(120)
  void anImportsFilesAreOwnerOnlyInTheStoreAndKeptByDefault() throws IOException {
    ImportFiles csv = ImportFiles.write(dir, 50);
    try (ImportTestbed bed = new ImportTestbed(dir)) {
      BulkImportResult result = run(bed, "import-kept", csv, settings(false));

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      Path report = Path.of(result.failureReport());
      assertThat(report).startsWith(dir.resolve("store").resolve("import-kept")).exists();
      assertThat(permissions(report)).isEqualTo("rw-------");
      assertThat(permissions(report.getParent())).isEqualTo("rwx------");
      try (Stream<Path> files = Files.list(report.getParent())) {
        files.forEach(f -> assertThat(permissions(f)).as(f.toString()).startsWith("rw-------"));
      }
      try (Stream<Path> besideSource = Files.list(dir)) {
        assertThat(besideSource).containsExactlyInAnyOrder(csv.file, dir.resolve("store"));
      }
    }
  }

  @Test
  @Timeout(120)
  void anImportThatAsksHasItsPlanAndFailureReportDeletedWhenItEnds() {
    ImportFiles csv = ImportFiles.write(dir, 50);
    try (ImportTestbed bed = new ImportTestbed(dir)) {
      BulkImportResult result = run(bed, "import-deleted", csv, settings(true));

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(result.failureReport()).isNull();
      assertThat(result.summary()).contains("plan and failure report are deleted from the store");
      assertThat(dir.resolve("store").resolve("import-deleted")).doesNotExist();
      assertThat(bed.brevo.contacts()).hasSize(47); // the import itself ran
      Histories.record(bed.client, "import-deleted", null, "bulk-import-files-deleted.json");
    }
  }

  private static BulkImportResult run(
      ImportTestbed bed, String id, ImportFiles csv, ImportSettings settings) {
    bed.start(
        id,
        new BulkImportRequest(
            csv.file.toString(), bed.threeAccounts(), settings, "alice", null, null));
    return bed.client.newUntypedWorkflowStub(id).getResult(BulkImportResult.class);
  }

  private static String permissions(Path file) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
