package dev.roster.activities.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.activities.http.RateLimited;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ImportActivityFailuresTest {

  @Test
  void throttledSourceIsRetriedAfterTheDelayItAskedFor() {
    RateLimited limited =
        new RateLimited("servicenow", "getAttachment", 429, null, null, Duration.ofSeconds(7));

    assertThatThrownBy(
            () ->
                ImportActivityFailures.call(
                    () -> {
                      throw new ImportFailed(
                          ImportFailed.Kind.SOURCE_UNAVAILABLE, "throttled", limited);
                    }))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(ImportActivityFailures.SOURCE_UNAVAILABLE);
              assertThat(f.isNonRetryable()).isFalse();
              assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
            });
  }

  @Test
  void unavailableSourceWithoutADelayLeavesTheScheduleToTheRetryPolicy() {
    assertThatThrownBy(
            () ->
                ImportActivityFailures.call(
                    () -> {
                      throw new ImportFailed(ImportFailed.Kind.SOURCE_UNAVAILABLE, "reset");
                    }))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.isNonRetryable()).isFalse();
              assertThat(f.getNextRetryDelay()).isNull();
            });
  }
}
