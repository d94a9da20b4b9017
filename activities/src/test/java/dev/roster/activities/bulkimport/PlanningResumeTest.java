package dev.roster.activities.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.bulkimport.BulkImportWorkflow;
import dev.roster.workflows.bulkimport.BulkImportWorkflowImpl;
import dev.roster.workflows.bulkimport.ImportPlanningActivities;
import dev.roster.workflows.bulkimport.ImportSettings;
import dev.roster.workflows.bulkimport.ImportTarget;
import dev.roster.workflows.bulkimport.PlanSummary;
import dev.roster.workflows.conventions.RosterSearchAttributes;
import dev.roster.workflows.conventions.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planning a source that takes long to read (a slow URL whose connection drops halfway) neither
 * times out nor starts over: the activity heartbeats checkpoints, and a retry goes on from the last
 * one. The result is the plan and failure report a single pass gives.
 */
class PlanningResumeTest {
  private static final int ROWS = 5_000;
  private static final CheckpointPolicy EVERY_500_ROWS =
      new CheckpointPolicy(Duration.ofHours(1), 500);

  /** One checkpoint before the source breaks (at about row 2,500), so one heartbeat names it. */
  private static final CheckpointPolicy EVERY_2000_ROWS =
      new CheckpointPolicy(Duration.ofHours(1), 2_000);

  @TempDir Path dir;
  private Path csv;
  private ImportPlan reference;

  @BeforeEach
  void writeSourceAndPlanItInOneGo() throws IOException {
    csv = dir.resolve("contacts.csv");
    try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write("email,first_name\n");
      for (int i = 0; i < ROWS; i++) {
        // Every 97th row repeats an address from far earlier (often across the break), every
        // 101st is no address at all.
        String email =
            i % 97 == 96
                ? "user" + (i / 3) + "@example.com"
                : i % 101 == 100 ? "user" + i + "-at-example.com" : "user" + i + "@example.com";
        out.write(email + ",Name" + i + "\n");
      }
    }
    reference =
        new ImportPlanner(files())
            .plan(
                ImportSource.file(csv),
                ImportOptions.defaults(),
                new ImportStore(dir.resolve("reference")),
                "import-x");
  }

  @Test
  void aRetryGoesOnFromTheHeartbeatedPositionNotFromTheStart() throws IOException {
    BreakingSource source = new BreakingSource(files(), Files.size(csv) / 2);
    ImportStore store = new ImportStore(dir.resolve("store"));
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(
          new ImportPlanningActivitiesImpl(source, Map.of(), Map.of(), store, EVERY_2000_ROWS));
      List<PlanningHeartbeat> beats = new CopyOnWriteArrayList<>();
      env.setActivityHeartbeatListener(PlanningHeartbeat.class, beats::add);
      ImportPlanningActivities planning =
          env.newActivityStub(
              ImportPlanningActivities.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofMinutes(1))
                  .setHeartbeatTimeout(Duration.ofMinutes(2))
                  .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                  .build());

      assertThatThrownBy(() -> planning.planImport(csv.toString(), null, "import-x"))
          .isInstanceOfSatisfying(
              ActivityFailure.class,
              e ->
                  assertThat(((ApplicationFailure) e.getCause()).getType())
                      .isEqualTo("SourceUnavailable"));
      assertThat(beats).hasSize(1);
      PlanningHeartbeat last = beats.get(0);
      assertThat(last.rowIndex()).isEqualTo(2_000);

      env.setHeartbeatDetails(last);
      PlanSummary summary = planning.planImport(csv.toString(), null, "import-x");

      assertThat(source.offsets()).containsExactly(0L, last.byteOffset());
      assertSameAsOneGo(summary, store);
    } finally {
      env.close();
    }
  }

  @Test
  void aBulkImportWhosePlanningBreaksHalfwayResumesOnTheRetry() throws IOException {
    BreakingSource source = new BreakingSource(files(), Files.size(csv) / 2);
    ImportStore store = new ImportStore(dir.resolve("store"));
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    try {
      RosterSearchAttributes.ALL.forEach(env::registerSearchAttribute);
      Worker worker = env.newWorker(TaskQueues.ROSTER);
      worker.registerWorkflowImplementationTypes(BulkImportWorkflowImpl.class);
      worker.registerActivitiesImplementations(
          new ImportPlanningActivitiesImpl(
              source, Map.of(), Map.of("brevo-main", "brevo"), store, EVERY_500_ROWS));
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      BulkImportWorkflow stub =
          client.newWorkflowStub(
              BulkImportWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setTaskQueue(TaskQueues.ROSTER)
                  .setWorkflowId("import-dry-run-x")
                  .build());

      BulkImportResult result =
          stub.importContacts(
              new BulkImportRequest(
                  csv.toString(),
                  // No bulk connector is registered here, so the account takes no lists.
                  List.of(new ImportTarget("brevo-main", List.of())),
                  ImportSettings.defaults().withDryRun(true),
                  "alice",
                  null,
                  null));

      assertThat(result.outcome()).isEqualTo("DRY_RUN");
      assertThat(source.offsets()).hasSize(2).first().isEqualTo(0L);
      assertThat(source.offsets().get(1)).isGreaterThan(0L);
      assertThat(result.status().progress().rowsRead()).isEqualTo(ROWS);
      assertThat(result.status().progress().valid()).isEqualTo(reference.report().valid());
      assertThat(Files.readString(Path.of(result.failureReport())))
          .isEqualTo(Files.readString(Path.of(reference.report().failureReport())));
    } finally {
      env.close();
    }
  }

  private void assertSameAsOneGo(PlanSummary summary, ImportStore store) throws IOException {
    DryRunReport expected = reference.report();
    assertThat(summary.rowsRead()).isEqualTo(ROWS);
    assertThat(summary.valid()).isEqualTo(expected.valid());
    assertThat(summary.invalid()).isEqualTo(expected.invalid());
    assertThat(summary.report())
        .isEqualTo(expected.toText().replace(expected.failureReport(), summary.failureReport()));
    assertThat(Files.readString(Path.of(summary.failureReport())))
        .isEqualTo(Files.readString(Path.of(expected.failureReport())));
    ImportPlan resumed = new PlanFiles(store).load(summary.planFile()).plan();
    assertThat(resumed.duplicateRows()).isEqualTo(reference.duplicateRows());
    assertThat(resumed.firstChunk()).isEqualTo(reference.firstChunk());
    assertThat(store.root().resolve("import-x/planning")).doesNotExist();
  }

  private FileSourceOpener files() {
    return new FileSourceOpener(List.of(dir));
  }
}
