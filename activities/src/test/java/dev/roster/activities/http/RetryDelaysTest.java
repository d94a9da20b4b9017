package dev.roster.activities.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryDelaysTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T12:00:00Z"));

  private RetryDelays delays(double random) {
    return new RetryDelays(clock, () -> random, Duration.ofSeconds(1), Duration.ofMinutes(10));
  }

  @Test
  void retryAfterInSecondsIsTakenAsIs() {
    assertThat(delays(0.5).retryAfter("30")).contains(Duration.ofSeconds(30));
    assertThat(delays(0.5).retryAfter(" 0 ")).contains(Duration.ZERO);
  }

  @Test
  void retryAfterAsHttpDateIsRelativeToTheClock() {
    assertThat(delays(0.5).retryAfter("Fri, 10 Jan 2025 12:01:30 GMT"))
        .contains(Duration.ofSeconds(90));
  }

  @Test
  void retryAfterDateInThePastMeansNoWait() {
    assertThat(delays(0.5).retryAfter("Fri, 10 Jan 2025 11:00:00 GMT")).contains(Duration.ZERO);
  }

  @Test
  void missingOrGarbledRetryAfterGivesNothing() {
    assertThat(delays(0.5).retryAfter(null)).isEmpty();
    assertThat(delays(0.5).retryAfter("")).isEmpty();
    assertThat(delays(0.5).retryAfter("soon")).isEmpty();
  }

  @Test
  void brevoResetIsSecondsWhenSmall() {
    assertThat(RetryDelays.brevoReset("7")).contains(Duration.ofSeconds(7));
    assertThat(RetryDelays.brevoReset("3600")).contains(Duration.ofHours(1));
  }

  @Test
  void brevoResetAboveTenThousandIsMilliseconds() {
    assertThat(RetryDelays.brevoReset("45000")).contains(Duration.ofMillis(45_000));
  }

  @Test
  void garbledBrevoResetGivesNothing() {
    assertThat(RetryDelays.brevoReset(null)).isEmpty();
    assertThat(RetryDelays.brevoReset("7s")).isEmpty();
  }

  @Test
  void backoffCeilingDoublesWithAttemptUpToTheCap() {
    RetryDelays d = delays(0.5);
    assertThat(d.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(d.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(d.ceiling(5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(d.ceiling(20)).isEqualTo(Duration.ofMinutes(10));
    assertThat(d.ceiling(1_000)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void backoffIsFullJitterWithinTheCeiling() {
    assertThat(delays(0.0).backoff(4)).isEqualTo(Duration.ZERO);
    assertThat(delays(0.5).backoff(4)).isEqualTo(Duration.ofSeconds(4));
    assertThat(delays(0.999).backoff(4)).isLessThan(Duration.ofSeconds(8));
    RetryDelays real = RetryDelays.system();
    for (int attempt = 1; attempt < 12; attempt++) {
      assertThat(real.backoff(attempt)).isBetween(Duration.ZERO, real.ceiling(attempt));
    }
  }

  @Test
  void attemptOutsideAnActivityIsOne() {
    assertThat(RetryDelays.currentAttempt()).isEqualTo(1);
  }
}
