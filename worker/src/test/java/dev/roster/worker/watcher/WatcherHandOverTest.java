package dev.roster.worker.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.watcher.InvitationCheck;
import dev.roster.workflows.watcher.InvitationCheckActivities;
import dev.roster.workflows.watcher.InvitationWatcherWorkflow;
import dev.roster.workflows.watcher.InvitationWatcherWorkflowImpl;
import dev.roster.workflows.watcher.Watch;
import dev.roster.workflows.watcher.WatcherState;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a watcher hands to its next run: tens of thousands of waiters fit in a small payload with no
 * email in it, even when the run itself was started with the emails older runs carried.
 */
class WatcherHandOverTest {
  private static final int WAITERS = 20_000;
  private static final long PAYLOAD_LIMIT = 2 * 1024 * 1024;
  private static final String TEAM_QUEUE = TaskQueues.activityQueue("brevo-big", "organization");

  /** Nobody's invitation moves: the watcher polls until its run is long enough to hand over. */
  static final class NothingSettles implements InvitationCheckActivities {
    final AtomicInteger checks = new AtomicInteger();

    @Override
    public InvitationCheck checkInvitations(String account, String watcherId) {
      checks.incrementAndGet();
      return new InvitationCheck(List.of(), List.of());
    }
  }

  @Test
  @Timeout(120)
  void twentyThousandWaitersAreHandedOnByIdWellUnderThePayloadLimit() {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      env.newWorker(TaskQueues.ROSTER)
          .registerWorkflowImplementationTypes(InvitationWatcherWorkflowImpl.class);
      Worker team = env.newWorker(TEAM_QUEUE);
      NothingSettles checks = new NothingSettles();
      team.registerActivitiesImplementations(checks);
      env.start();
      WorkflowClient client = env.getWorkflowClient();

      // The waiters as a run of the older code carried them: ids with emails.
      List<Watch> watches = new ArrayList<>();
      for (int i = 0; i < WAITERS; i++) {
        watches.add(new Watch(waiterId(i), "person" + i + "@example.com"));
      }
      String id = WatcherState.workflowId("brevo-big");
      InvitationWatcherWorkflow watcher =
          client.newWorkflowStub(
              InvitationWatcherWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(id)
                  .setTaskQueue(TaskQueues.ROSTER)
                  .build());
      WorkflowClient.start(
          watcher::watch,
          new WatcherState("brevo-big", TEAM_QUEUE, Duration.ofHours(1), watches, List.of()));
      String firstRun = WorkflowStub.fromTyped(watcher).getExecution().getRunId();

      // A run hands over after MAX_POLLS_PER_RUN hourly polls.
      env.sleep(Duration.ofHours(505));

      List<HistoryEvent> firstEvents =
          client.fetchHistory(id, firstRun).getHistory().getEventsList();
      HistoryEvent last = firstEvents.get(firstEvents.size() - 1);
      assertThat(last.getEventType())
          .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
      byte[] handedOn =
          last.getWorkflowExecutionContinuedAsNewEventAttributes()
              .getInput()
              .getPayloads(0)
              .getData()
              .toByteArray();
      String json = new String(handedOn, StandardCharsets.UTF_8);
      assertThat(json.indexOf('@')).as("where an '@' is in the handed-on input").isEqualTo(-1);
      assertThat((long) handedOn.length).isLessThan(PAYLOAD_LIMIT / 2);
      long started =
          firstEvents
              .get(0)
              .getWorkflowExecutionStartedEventAttributes()
              .getInput()
              .getPayloads(0)
              .getSerializedSize();
      assertThat((long) handedOn.length)
          .as("smaller than the input with emails")
          .isLessThan(started);

      // The next run has every waiter, in order, and keeps polling for them.
      WatcherState next =
          DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
              last.getWorkflowExecutionContinuedAsNewEventAttributes().getInput().getPayloads(0),
              WatcherState.class,
              WatcherState.class);
      assertThat(next.watches()).isEmpty();
      assertThat(next.waiting())
          .hasSize(WAITERS)
          .startsWith(waiterId(0))
          .endsWith(waiterId(WAITERS - 1));
      assertThat(watcher.waiting()).isEqualTo(next.waiting());
      assertThat(watcher.waitingPage(WAITERS - 2, 1000))
          .containsExactly(waiterId(WAITERS - 2), waiterId(WAITERS - 1));
      assertThat(checks.checks.get()).isGreaterThanOrEqualTo(500);
    }
  }

  /** As long as the ids Roster makes: an onboarding by subject hash (a 96-bit hex digest). */
  private static String waiterId(int i) {
    byte[] digest = new byte[12];
    for (int b = 0; b < 4; b++) {
      digest[b] = (byte) (i >>> (8 * b));
    }
    return "onboard-s-" + HexFormat.of().formatHex(digest);
  }
}
