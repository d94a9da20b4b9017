package dev.roster.activities.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the end of an import does to its files, by the request and by the store's setting. */
class ImportEndedTest {
  private static final String PLAN = "import-x/plan-0123456789ab.json";

  @TempDir Path store;

  private ImportPlanningActivitiesImpl activities(boolean storeDeletes) throws IOException {
    StoredImport files = new ImportStore(store).forImport("import-x");
    files.create();
    Files.writeString(files.report(), "line,reason,detail\r\n");
    Files.writeString(files.plan("0123456789ab"), "{}");
    return new ImportPlanningActivitiesImpl(
        new FileSourceOpener(List.of()),
        Map.of(),
        Map.of(),
        new ImportStore(store, storeDeletes),
        CheckpointPolicy.defaults());
  }

  @Test
  void filesAreKeptUnlessTheRequestOrTheStoreSaysOtherwise() throws IOException {
    assertThat(activities(false).importEnded(PLAN, false)).isFalse();
    assertThat(store.resolve("import-x").resolve("failures.csv")).exists();
  }

  @Test
  void theRequestDeletesItsOwnFiles() throws IOException {
    assertThat(activities(false).importEnded(PLAN, true)).isTrue();
    assertThat(store.resolve("import-x")).doesNotExist();
  }

  @Test
  void theStoresSettingDeletesEveryImportsFilesAndAgainIsHarmless() throws IOException {
    ImportPlanningActivitiesImpl activities = activities(true);
    assertThat(activities.importEnded(PLAN, false)).isTrue();
    assertThat(store.resolve("import-x")).doesNotExist();
    assertThat(activities.importEnded(PLAN, false)).isTrue();
  }
}
