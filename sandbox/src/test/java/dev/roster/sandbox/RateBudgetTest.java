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

  @Test
  void aRequestCountsFromItsArrivalNotFromWhenItsBodyWasRead() {
    RateBudget onePer100ms = new RateBudget(1, Duration.ofMillis(100), clock);
    java.time.Instant first = clock.get();
    clock.advance(Duration.ofMillis(60)); // a large body took 60 ms to read
    assertThat(onePer100ms.tryAcquire(first).allowed()).isTrue();
    clock.advance(Duration.ofMillis(40));

    // 100 ms after the first arrived: allowed, though only 40 ms after its body was read.
    assertThat(onePer100ms.tryAcquire(clock.get()).allowed()).isTrue();
  }
}
