package dev.roster.activities.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateBudgetTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T12:00:00Z"));
  private final List<Duration> sleeps = new ArrayList<>();

  private RateBudget budget(RateBudget.Limit... limits) {
    return new RateBudget(
        "brevo",
        "brevo-main/test",
        List.of(limits),
        Duration.ofSeconds(2),
        clock,
        d -> {
          sleeps.add(d);
          clock.advance(d);
        });
  }

  @Test
  void aVendorLimitKeepsASkewAllowanceSoRequestsNeverArriveCloserThanTheVendorAllows() {
    assertThat(RateBudget.Limit.vendorLimit(100, Duration.ofHours(1)).window())
        .isEqualTo(Duration.ofHours(1).plusSeconds(72));
    RateBudget b = budget(RateBudget.Limit.vendorLimit(1, Duration.ofMillis(83)));
    b.acquire("op");
    b.acquire("op");
    // 83 ms would be exactly the vendor's spacing; 5 ms more absorbs a slower first arrival.
    assertThat(sleeps).containsExactly(Duration.ofMillis(88));
  }

  @Test
  void aThreadThatWakesLateMovesTheNextPermitLaterToo() {
    // A busy machine oversleeps by 20 ms: the permit counts from when it was really taken.
    RateBudget b =
        new RateBudget(
            "mailjet",
            "mailjet-main/api",
            List.of(new RateBudget.Limit(1, Duration.ofMillis(100))),
            Duration.ofSeconds(2),
            clock,
            d -> {
              sleeps.add(d);
              clock.advance(d.plusMillis(20));
            });
    b.acquire("op");
    b.acquire("op");
    Instant second = clock.instant();
    b.acquire("op");

    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100));
    assertThat(Duration.between(second, clock.instant()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(100));
  }

  @Test
  void permitsWithinTheWindowAreImmediate() {
    RateBudget b = budget(new RateBudget.Limit(3, Duration.ofHours(1)));
    b.acquire("op");
    b.acquire("op");
    b.acquire("op");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void spentHourlyBudgetThrowsRateLimitedWithTimeUntilAPermitFrees() {
    RateBudget b = budget(new RateBudget.Limit(2, Duration.ofHours(1)));
    b.acquire("op");
    clock.advance(Duration.ofMinutes(10));
    b.acquire("op");

    RateLimited e = catchThrowableOfType(RateLimited.class, () -> b.acquire("sendInvitation"));

    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(50));
    assertThat(e.operation()).isEqualTo("sendInvitation");
    assertThat(e.status()).isZero();
    assertThat(e.retryable()).isTrue();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aShortWaitIsTakenInThread() {
    RateBudget b = budget(new RateBudget.Limit(2, Duration.ofSeconds(1)));
    b.acquire("op");
    b.acquire("op");
    b.acquire("op");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void permitsFreeUpWhenTheWindowSlides() {
    RateBudget b = budget(new RateBudget.Limit(1, Duration.ofHours(1)));
    b.acquire("op");
    clock.advance(Duration.ofHours(1));
    b.acquire("op");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aRefusedAcquireSpendsNoPermit() {
    RateBudget b = budget(new RateBudget.Limit(1, Duration.ofMinutes(1)));
    b.acquire("op");
    catchThrowableOfType(RateLimited.class, () -> b.acquire("op"));
    clock.advance(Duration.ofMinutes(1));
    b.acquire("op");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void theTightestOfSeveralLimitsDecides() {
    RateBudget b =
        budget(
            new RateBudget.Limit(10, Duration.ofSeconds(1)),
            new RateBudget.Limit(3, Duration.ofHours(1)));
    b.acquire("op");
    b.acquire("op");
    b.acquire("op");
    RateLimited e = catchThrowableOfType(RateLimited.class, () -> b.acquire("op"));
    assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aCallerBehindAnotherIsToldWhenItsOwnPermitComesNotTheNextOne() throws Exception {
    // One permit a second. The first caller takes it; a second waits in-thread for the next one
    // (held here, asleep); a third, whose own permit is two seconds away, is past its 1.5 s wait
    // and must be told two seconds: "the next permit frees in one" would bring it back to lose
    // again, an attempt spent for nothing.
    CountDownLatch asleep = new CountDownLatch(1);
    CountDownLatch wake = new CountDownLatch(1);
    Thread[] second = new Thread[1];
    RateBudget b =
        new RateBudget(
            "brevo",
            "brevo-main/organization",
            List.of(new RateBudget.Limit(1, Duration.ofSeconds(1))),
            Duration.ofMillis(1500),
            clock,
            d -> {
              if (Thread.currentThread() == second[0]) {
                asleep.countDown();
                wake.await();
              }
              clock.advance(d);
            });
    b.acquire("first");
    second[0] = new Thread(() -> b.acquire("second"));
    second[0].start();
    assertThat(asleep.await(10, TimeUnit.SECONDS)).isTrue();

    RateLimited third = catchThrowableOfType(RateLimited.class, () -> b.acquire("third"));

    assertThat(third).as("the third caller must not jump the queue").isNotNull();
    assertThat(third.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    wake.countDown();
    second[0].join(10_000);
    assertThat(second[0].isAlive()).isFalse();
  }

  @Test
  void aPermitCountsFromWhenItsRequestWasWritten() {
    RateBudget b = budget(new RateBudget.Limit(1, Duration.ofSeconds(1)));
    RateBudget.Grant grant = b.acquire("op");
    // A fresh connection took 300 ms to set up before the request went out.
    clock.advance(Duration.ofMillis(300));
    grant.stamp();
    b.acquire("op");

    assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    assertThat(grant.at()).isEqualTo(Instant.parse("2025-01-10T12:00:00.300Z"));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-10T12:00:01.300Z"));
  }

  @Test
  void concurrentCallersNeverExceedTheBudget() throws Exception {
    RateBudget b = budget(new RateBudget.Limit(50, Duration.ofHours(1)));
    List<Thread> threads = new ArrayList<>();
    AtomicInteger granted = new AtomicInteger();
    for (int i = 0; i < 8; i++) {
      Thread t =
          new Thread(
              () -> {
                for (int j = 0; j < 20; j++) {
                  try {
                    b.acquire("op");
                    granted.incrementAndGet();
                  } catch (RateLimited expected) {
                    // spent
                  }
                }
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(granted.get()).isEqualTo(50);
  }
}
