package dev.roster.worker.masking;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.failure.ApplicationErrorCategory;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What an activity raises reaches Temporal with its addresses masked and everything else kept. */
class MaskedFailuresTest {

  @Test
  void anApplicationFailureKeepsTypeRetryDelayAndCategoryWithItsChainMasked() {
    ApplicationFailure thrown =
        ApplicationFailure.newBuilder()
            .setMessage("brevo refused ada@example.com")
            .setType("Rejected")
            .setNonRetryable(true)
            .setNextRetryDelay(Duration.ofSeconds(7))
            .setCategory(ApplicationErrorCategory.BENIGN)
            .setCause(new IllegalStateException("line 1: ada@example.com, Ada, Lovelace"))
            .build();

    ApplicationFailure masked = (ApplicationFailure) MaskedFailures.mask(thrown);

    assertThat(masked.getOriginalMessage()).isEqualTo("brevo refused a***@example.com");
    assertThat(masked.getType()).isEqualTo("Rejected");
    assertThat(masked.isNonRetryable()).isTrue();
    assertThat(masked.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
    assertThat(masked.getCategory()).isEqualTo(ApplicationErrorCategory.BENIGN);
    ApplicationFailure cause = (ApplicationFailure) masked.getCause();
    assertThat(cause.getType()).isEqualTo(IllegalStateException.class.getName());
    assertThat(cause.getOriginalMessage()).isEqualTo("line 1: a***@example.com, Ada, Lovelace");
    assertThat(masked.getStackTrace()).isEqualTo(thrown.getStackTrace());
  }

  @Test
  void anyOtherExceptionBecomesTheRetryableFailureTemporalWouldMakeOfItMasked() {
    RuntimeException thrown = new IllegalArgumentException("no such contact grace@example.org");

    ApplicationFailure masked = (ApplicationFailure) MaskedFailures.mask(thrown);

    assertThat(masked.getType()).isEqualTo(IllegalArgumentException.class.getName());
    assertThat(masked.isNonRetryable()).isFalse();
    assertThat(masked.getOriginalMessage()).isEqualTo("no such contact g***@example.org");
  }

  @Test
  void aFailureWithoutAnAddressIsThrownAsItIs() {
    RuntimeException thrown = new IllegalStateException("timeout", new RuntimeException("reset"));

    assertThat(MaskedFailures.mask(thrown)).isSameAs(thrown);
  }
}
