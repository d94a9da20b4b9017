package dev.roster.activities.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.failure.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActivityFailuresTest {
  private final RetryDelays halfJitter =
      new RetryDelays(
          new MutableClock(Instant.EPOCH), () -> 0.5, Duration.ofSeconds(1), Duration.ofMinutes(5));

  @Test
  void rateLimitedIsRetryableWithTheVendorDelay() {
    ApplicationFailure f =
        ActivityFailures.toApplicationFailure(
            new RateLimited("brevo", "sendInvitation", 429, "req-9", null, Duration.ofSeconds(7)));
    assertThat(f.getType()).isEqualTo(FailureTypes.RATE_LIMITED);
    assertThat(f.isNonRetryable()).isFalse();
    assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
    assertThat(f.getOriginalMessage()).contains("brevo", "sendInvitation", "429", "req-9");
  }

  @Test
  void rateLimitedWithoutVendorDelayBacksOffByAttempt() {
    RateLimited e = new RateLimited("mailjet", "op", 429, null, null, null);
    assertThat(ActivityFailures.toApplicationFailure(e, halfJitter, 1).getNextRetryDelay())
        .isEqualTo(Duration.ofMillis(500));
    assertThat(ActivityFailures.toApplicationFailure(e, halfJitter, 4).getNextRetryDelay())
        .isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void authFailedIsNotRetryable() {
    ApplicationFailure f =
        ActivityFailures.toApplicationFailure(new AuthFailed("brevo", "op", 401, null, "nope"));
    assertThat(f.getType()).isEqualTo(FailureTypes.AUTH_FAILED);
    assertThat(f.isNonRetryable()).isTrue();
  }

  @Test
  void rejectedNotFoundAndConflictAreNonRetryableRejected() {
    for (VendorException e :
        new VendorException[] {
          new Rejected("brevo", "op", 400, null, "bad email"),
          new NotFound("brevo", "op", 404, null, "gone"),
          new Conflict("brevo", "op", 409, null, "exists")
        }) {
      ApplicationFailure f = ActivityFailures.toApplicationFailure(e);
      assertThat(f.getType()).isEqualTo(FailureTypes.REJECTED);
      assertThat(f.isNonRetryable()).isTrue();
    }
  }

  @Test
  void aFailureFromAVendorThatIsNotAnsweringWaitsForThePolicysBackoff() {
    ApplicationFailure f =
        ActivityFailures.toApplicationFailure(
            new VendorUnavailable("brevo", "op", 503, "r", null), halfJitter, 1, false);
    assertThat(f.getType()).isEqualTo(FailureTypes.VENDOR_UNAVAILABLE);
    assertThat(f.isNonRetryable()).isFalse();
    assertThat(f.getNextRetryDelay()).isNull();
  }

  @Test
  void aPassingFailureFromAnAnsweringVendorIsRetriedSoonForAFewAttempts() {
    VendorUnavailable e = new VendorUnavailable("brevo", "op", 503, "r", null);

    ApplicationFailure early = ActivityFailures.toApplicationFailure(e, halfJitter, 3, true);
    ApplicationFailure late =
        ActivityFailures.toApplicationFailure(e, halfJitter, ActivityFailures.SOON_ATTEMPTS, true);
    ApplicationFailure later =
        ActivityFailures.toApplicationFailure(
            e, halfJitter, ActivityFailures.SOON_ATTEMPTS + 3, true);

    // Half-way between 1 s and 3 s: jittered around the base, not doubled per attempt.
    assertThat(early.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(early.getType()).isEqualTo(FailureTypes.VENDOR_UNAVAILABLE);
    // Then a backoff that starts again from the base (half of 1 s, of 8 s), not the policy's,
    // which after eight attempts would wait 2 s x 2^8, over eight minutes.
    assertThat(late.getNextRetryDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(later.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void whetherTheVendorIsAnsweringComesFromItsRecentCalls() {
    RecentAnswers answers = new RecentAnswers();
    assertThat(answers.mostlyAnswered()).isTrue();
    for (int i = 0; i < RecentAnswers.SIZE; i++) {
      answers.record(i % 5 != 0);
    }
    assertThat(answers.mostlyAnswered()).as("one in five failed").isTrue();
    for (int i = 0; i < RecentAnswers.SIZE * 3 / 4; i++) {
      answers.record(false);
    }
    assertThat(answers.mostlyAnswered()).as("most of the last calls failed").isFalse();
  }
}
