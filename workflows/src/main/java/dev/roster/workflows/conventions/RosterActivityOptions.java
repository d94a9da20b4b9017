package dev.roster.workflows.conventions;

import dev.roster.workflows.failure.FailureTypes;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Named activity options. One retry layer: the HTTP client never retries, these policies do. A
 * vendor's 429 carries its own delay ({@code nextRetryDelay}), which overrides the backoff below
 * for that one retry; {@code scheduleToClose} bounds the whole effort.
 */
public final class RosterActivityOptions {

  /** Long enough for Brevo's hourly organization budget to refill a few times. */
  static final Duration VENDOR_CALL_BUDGET = Duration.ofHours(6);

  /** A call to a vendor account's API on its own queue. */
  public static ActivityOptions vendorCall(String taskQueue, String summary) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setStartToCloseTimeout(Duration.ofSeconds(60))
        .setScheduleToCloseTimeout(VENDOR_CALL_BUDGET)
        .setSummary(summary)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(2))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofMinutes(10))
                .setDoNotRetry(FailureTypes.NON_RETRYABLE)
                .build())
        .build();
  }

  /** Roster's own quick activities (configuration look-ups, notices, watcher hand-offs). */
  public static ActivityOptions control() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.ROSTER)
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setScheduleToCloseTimeout(Duration.ofHours(1))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setMaximumInterval(Duration.ofMinutes(1))
                .setDoNotRetry(FailureTypes.NON_RETRYABLE)
                .build())
        .build();
  }

  private RosterActivityOptions() {}
}
