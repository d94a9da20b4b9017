package dev.roster.workflows.ticket;

import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.failure.FailureTypes;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

public class ServiceNowPollerWorkflowImpl implements ServiceNowPollerWorkflow {
  private static final Logger log = Workflow.getLogger(ServiceNowPollerWorkflowImpl.class);

  /** A poll costs a few events; start a fresh run well before history limits. */
  static final int MAX_POLLS_PER_RUN = 200;

  private final TicketIntakeActivities intake =
      Workflow.newActivityStub(
          TicketIntakeActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(TaskQueues.SERVICENOW)
              .setStartToCloseTimeout(Duration.ofMinutes(2))
              .setScheduleToCloseTimeout(Duration.ofMinutes(10))
              .setSummary("poll ServiceNow")
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .setDoNotRetry(FailureTypes.NON_RETRYABLE)
                      .build())
              .build());

  private PollCursor cursor;

  @Override
  public void run(PollCursor start, Duration interval) {
    cursor = start;
    for (int polls = 0; polls < MAX_POLLS_PER_RUN; polls++) {
      try {
        PollResult result = intake.pollAndStart(cursor);
        cursor = result.next();
        if (!result.started().isEmpty() || !result.refused().isEmpty()) {
          log.info("poll started={} refused={}", result.started(), result.refused());
        }
        Workflow.setCurrentDetails("Polling ServiceNow; watermark " + cursor.watermark() + ".");
      } catch (ActivityFailure e) {
        // ServiceNow unreachable for a while: the cursor stands, the next poll catches up.
        log.warn("poll failed, retrying at the next interval: {}", e.getCause().getMessage());
      }
      Workflow.sleep(interval);
    }
    Workflow.continueAsNew(cursor, interval);
  }

  @Override
  public PollCursor cursor() {
    return cursor;
  }
}
