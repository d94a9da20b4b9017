package dev.roster.worker.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.worker.RosterWorker;
import dev.roster.worker.testbed.Histories;
import dev.roster.worker.testbed.TestPayloadKeys;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.metadata.POJOWorkflowImplMetadata;
import io.temporal.common.metadata.POJOWorkflowMethodMetadata;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded history under {@code src/test/resources/histories} must replay on the current
 * workflow code, as the production worker registers it: a change that would break workflows already
 * running fails here as non-determinism. Every workflow the worker registers must have at least one
 * such history (house rule 6). The README beside the histories says what each one is and which test
 * records it.
 */
class RecordedHistoriesTest {

  /**
   * The SDK fails a workflow task whose code does not yield within 1 s
   * (PotentialDeadlockException). The first replay in a cold JVM on a busy machine can spend that
   * long loading classes, so the replay worker allows far longer: these tests look for
   * non-determinism, and a real deadlock still fails them at their timeout.
   */
  static final Duration DEADLOCK_DETECTION = Duration.ofSeconds(30);

  /** Histories recorded before the recorder wrote the workflow id into the start event. */
  private static final Map<String, String> RECORDED_IDS = Map.of("bulk-import.json", "import-team");

  private static TestWorkflowEnvironment env;
  private static Worker worker;

  @BeforeAll
  static void start() {
    // The production converter after a key rotation: histories recorded through the testbeds
    // (test-k1) decrypt, and those recorded before the codec pass through it unchanged.
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(
                    WorkflowClientOptions.newBuilder()
                        .setDataConverter(TestPayloadKeys.converter(TestPayloadKeys.ROTATED))
                        .build())
                .build());
    worker = replayWorker(env);
  }

  /** The production set of workflows on a worker that only replays (it never polls). */
  static Worker replayWorker(TestWorkflowEnvironment env) {
    Worker replaying =
        env.newWorker(
            "replay",
            WorkerOptions.newBuilder()
                .setDefaultDeadlockDetectionTimeout(DEADLOCK_DETECTION.toMillis())
                .build());
    replaying.registerWorkflowImplementationTypes(RosterWorker.WORKFLOWS.toArray(Class<?>[]::new));
    return replaying;
  }

  @AfterAll
  static void close() {
    env.close();
  }

  static List<String> histories() {
    return Histories.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("histories")
  @Timeout(120)
  void replaysOnTheCurrentCode(String name) throws Exception {
    WorkflowExecutionHistory history = history(name);
    // A whole run, so its end (completion or continue-as-new) is checked too.
    List<HistoryEvent> events = history.getEvents();
    assertThat(events.get(events.size() - 1).getEventType())
        .as("last event of " + name)
        .isIn(
            EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
            EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
            EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED);
    try {
      WorkflowReplayer.replayWorkflowExecution(history, worker);
    } catch (Exception e) {
      throw new AssertionError(name + " does not replay on the current code", e);
    }
  }

  @Test
  void everyRegisteredWorkflowHasARecordedHistory() {
    Set<String> recorded =
        histories().stream().map(n -> typeOf(history(n))).collect(Collectors.toSet());
    Set<String> registered = new TreeSet<>();
    for (Class<?> impl : RosterWorker.WORKFLOWS) {
      for (POJOWorkflowMethodMetadata method :
          POJOWorkflowImplMetadata.newInstance(impl).getWorkflowMethods()) {
        registered.add(method.getName());
      }
    }
    assertThat(registered)
        .as("workflow types the worker registers")
        .hasSize(RosterWorker.WORKFLOWS.size());
    assertThat(recorded).as("workflow types with a recorded history").containsAll(registered);
  }

  @Test
  @Timeout(60)
  void aChangedCommandSequenceFailsTheReplay() {
    // The replay is only worth something if a divergence fails it: here the first activity of a
    // recorded onboarding names another activity type than the code schedules.
    History recorded = history("onboard-user.json").getHistory();
    History.Builder changed = recorded.toBuilder();
    for (int i = 0; i < changed.getEventsCount(); i++) {
      HistoryEvent e = changed.getEvents(i);
      if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
        changed.setEvents(
            i,
            e.toBuilder()
                .setActivityTaskScheduledEventAttributes(
                    e.getActivityTaskScheduledEventAttributes().toBuilder()
                        .setActivityType(
                            e
                                .getActivityTaskScheduledEventAttributes()
                                .getActivityType()
                                .toBuilder()
                                .setName("SomethingElse"))));
        break;
      }
    }
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    new WorkflowExecutionHistory(changed.build()), worker))
        .isInstanceOf(Exception.class);
  }

  private static WorkflowExecutionHistory history(String name) {
    String json = Histories.load(name);
    String recordedId = RECORDED_IDS.get(name);
    return recordedId == null
        ? WorkflowExecutionHistory.fromJson(json)
        : WorkflowExecutionHistory.fromJson(json, recordedId);
  }

  private static String typeOf(WorkflowExecutionHistory history) {
    return history
        .getEvents()
        .get(0)
        .getWorkflowExecutionStartedEventAttributes()
        .getWorkflowType()
        .getName();
  }
}
