package dev.roster.worker.replay;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The first replay in a cold JVM can keep a workflow thread busy for over a second (class loading
 * on a loaded machine); the SDK's default detector calls that a deadlock. The replay worker of
 * {@link RecordedHistoriesTest} gives it room; this shows both sides with a task that is slow to
 * run only while being replayed.
 */
class ReplayDeadlockDetectionTest {
  private static volatile boolean slowToRun;

  @WorkflowInterface
  public interface SlowToStart {
    @WorkflowMethod
    String run();
  }

  public static class SlowToStartImpl implements SlowToStart {
    @Override
    public String run() {
      if (slowToRun) {
        // Busy for 1.5 s without yielding, as loading many classes on a starved CPU would be.
        long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        long spins = 0;
        while (System.nanoTime() < until) {
          spins++;
        }
        Workflow.getLogger(SlowToStartImpl.class).debug("spins={}", spins);
      }
      Workflow.sleep(Duration.ofMinutes(1));
      return "done";
    }
  }

  @Test
  @Timeout(60)
  void aSlowFirstTaskTripsTheDefaultDetectorButNotTheReplayWorker() throws Exception {
    WorkflowExecutionHistory history = record();
    slowToRun = true;
    try {
      assertThatThrownBy(
              () -> WorkflowReplayer.replayWorkflowExecution(history, SlowToStartImpl.class))
          .as("the SDK's default 1 s detector")
          .isInstanceOf(Exception.class);
      try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
        var worker = RecordedHistoriesTest.replayWorker(env);
        worker.registerWorkflowImplementationTypes(SlowToStartImpl.class);
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, worker))
            .doesNotThrowAnyException();
      }
    } finally {
      slowToRun = false;
    }
  }

  private static WorkflowExecutionHistory record() {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      env.newWorker("slow").registerWorkflowImplementationTypes(SlowToStartImpl.class);
      env.start();
      SlowToStart stub =
          env.getWorkflowClient()
              .newWorkflowStub(
                  SlowToStart.class,
                  WorkflowOptions.newBuilder().setTaskQueue("slow").setWorkflowId("slow").build());
      stub.run();
      return env.getWorkflowClient().fetchHistory("slow");
    }
  }
}
