package dev.roster.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Fixed-window request budget. A window opens at the first request after the previous one expired,
 * so a fake clock gives deterministic "seconds until reset" values in tests. Thread-safe.
 */
public final class RateBudget {

  /** Outcome of one {@link #tryAcquire()}; the numbers are what rate-limit headers report. */
  public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {}

  private final int limit;
  private final Duration window;
  private final Supplier<Instant> clock;
  private Instant windowStart;
  private int used;
  private int refused;

  public RateBudget(int limit, Duration window, Supplier<Instant> clock) {
    if (limit < 0 || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("limit must be >= 0 and window positive");
    }
    this.limit = limit;
    this.window = window;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Spends one request from the budget if any is left. */
  public Decision tryAcquire() {
    return tryAcquire(clock.get());
  }

  /**
   * Spends one request for a request that arrived at {@code arrivedAt} (see {@link
   * FakeRequest#receivedAt()}): a vendor counts a request when it arrives, not when its body has
   * been read.
   */
  public synchronized Decision tryAcquire(Instant arrivedAt) {
    Instant now = roll(arrivedAt);
    if (windowStart == null) {
      windowStart = now;
    }
    boolean allowed = used < limit;
    if (allowed) {
      used++;
    } else {
      refused++;
    }
    return new Decision(allowed, limit, limit - used, secondsUntilReset(now));
  }

  /** Requests that arrived over the budget (and were answered 429) since the start. */
  public synchronized int refused() {
    return refused;
  }

  public int limit() {
    return limit;
  }

  public synchronized int remaining() {
    roll();
    return limit - used;
  }

  /** Whole seconds (rounded up) until the current window ends; a full window if none is open. */
  public synchronized long secondsUntilReset() {
    return secondsUntilReset(roll());
  }

  /** Forgets the current window, restoring the full budget. */
  public synchronized void reset() {
    windowStart = null;
    used = 0;
  }

  private Instant roll() {
    return roll(clock.get());
  }

  private Instant roll(Instant now) {
    if (windowStart != null && !now.isBefore(windowStart.plus(window))) {
      windowStart = null;
      used = 0;
    }
    return now;
  }

  private long secondsUntilReset(Instant now) {
    if (windowStart == null) {
      return ceilSeconds(window);
    }
    return ceilSeconds(Duration.between(now, windowStart.plus(window)));
  }

  private static long ceilSeconds(Duration d) {
    long seconds = d.getSeconds();
    return d.getNano() > 0 ? seconds + 1 : seconds;
  }
}
