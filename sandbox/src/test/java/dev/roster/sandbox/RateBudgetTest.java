package dev.roster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateBudgetTest {
  private final MutableClock clock = new MutableClock();
  private final RateBudget budget = new RateBudget(2, Duration.ofSeconds(10), clock);

  @Test
  void spendsTheBudgetThenRefusesUntilTheWindowEnds() {
    assertThat(budget.tryAcquire().allowed()).isTrue();
    clock.advance(Duration.ofMillis(2500));
    RateBudget.Decision second = budget.tryAcquire();
    RateBudget.Decision third = budget.tryAcquire();

    assertThat(second.remaining()).isZero();
    assertThat(third.allowed()).isFalse();
    assertThat(third.resetSeconds()).isEqualTo(8);

    clock.advance(Duration.ofMillis(7500));
    assertThat(budget.remaining()).isEqualTo(2);
    assertThat(budget.tryAcquire().allowed()).isTrue();
  }

  @Test
  void reportsAFullWindowBeforeFirstUse() {
    assertThat(budget.remaining()).isEqualTo(2);
    assertThat(budget.secondsUntilReset()).isEqualTo(10);
  }
}
