package dev.roster.activities.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.workflows.failure.FailureTypes;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A wait for a permit inside an activity: it heartbeats while it waits, and when the permit lies
 * beyond what the activity's start-to-close timeout leaves, the attempt fails with the permit's own
 * time as its retry delay. The budget's clock is a test clock its sleeps advance.
 */
class RateBudgetInActivityTest {
  /** Two calls under one budget in one activity. */
  @ActivityInterface
  public interface TwoCalls {
    @ActivityMethod
    void call();
  }

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T12:00:00Z"));
  private final AtomicInteger heartbeats = new AtomicInteger();
  private TestActivityEnvironment env;

  @BeforeEach
  void start() {
    env = TestActivityEnvironment.newInstance();
    env.setActivityHeartbeatListener(Object.class, details -> heartbeats.incrementAndGet());
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private TwoCalls activity(Duration window) {
    RateBudget budget =
        new RateBudget(
            "brevo",
            "brevo-main/organization",
            List.of(new RateBudget.Limit(1, window)),
            RateBudget.DEFAULT_MAX_WAIT,
            clock,
            clock::advance);
    env.registerActivitiesImplementations(
        (TwoCalls)
            () -> {
              try {
                budget.acquire("first");
                budget.acquire("second");
              } catch (VendorException e) {
                throw ActivityFailures.toApplicationFailure(e);
              }
            });
    return env.newActivityStub(
        TwoCalls.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(60))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());
  }

  @Test
  void aWaitWithinTheActivitysTimeIsTakenInThreadAndHeartbeats() {
    activity(Duration.ofSeconds(20)).call();

    assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-10T12:00:20Z"));
    // The SDK throttles heartbeats on the real clock; at least one went out while it waited.
    assertThat(heartbeats.get()).isPositive();
  }

  @Test
  void aPermitBeyondTheActivitysTimeFailsWithThatPermitsTimeAsTheRetryDelay() {
    // 60 s to close, 30 s of it kept for the call itself: a permit 45 s away is not waited for.
    ActivityFailure failure =
        catchThrowableOfType(ActivityFailure.class, () -> activity(Duration.ofSeconds(45)).call());

    ApplicationFailure cause = (ApplicationFailure) failure.getCause();
    assertThat(cause.getType()).isEqualTo(FailureTypes.RATE_LIMITED);
    assertThat(cause.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(45));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-10T12:00:00Z"));
  }
}
