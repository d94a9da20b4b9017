package dev.roster.activities.http;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * This process's share of one (account, endpoint family) rate limit, e.g. Brevo organization calls
 * at 100 per hour. The embedded Temporal server does not enforce task-queue rate limits, so the
 * HTTP layer enforces the same budget itself (ARCHITECTURE.md §5).
 *
 * <p>Sliding-window log per limit. {@link #acquire} reserves the earliest free slot; it sleeps when
 * that slot is at most {@code maxWait} away, otherwise it throws {@link RateLimited} so that a
 * Temporal retry, not a blocked worker thread, carries the long wait. Thread-safe.
 */
public final class RateBudget {

  /** At most {@code permits} calls in any {@code window}. */
  public record Limit(int permits, Duration window) {
    public Limit {
      if (permits < 1) {
        throw new IllegalArgumentException("permits must be >= 1, got " + permits);
      }
      requireNonNull(window, "window is null");
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("window must be positive, got " + window);
      }
    }
  }

  /** Waits for a reservation; injectable so tests advance a fake clock instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** The default longest in-thread wait. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(2);

  private final String vendor;
  private final String name;
  private final List<Limit> limits;
  private final List<Deque<Instant>> granted;
  private final Duration maxWait;
  private final Clock clock;
  private final Sleeper sleeper;
  private Instant lastGrant = Instant.MIN;

  /**
   * @param vendor the vendor, for the RateLimited it throws
   * @param name the budget's name for messages, e.g. {@code brevo-main/organization}
   */
  public RateBudget(
      String vendor,
      String name,
      List<Limit> limits,
      Duration maxWait,
      Clock clock,
      Sleeper sleeper) {
    this.vendor = requireNonNull(vendor, "vendor is null");
    this.name = requireNonNull(name, "name is null");
    this.limits = List.copyOf(requireNonNull(limits, "limits is null"));
    if (this.limits.isEmpty()) {
      throw new IllegalArgumentException("a budget needs at least one limit: " + name);
    }
    this.maxWait = requireNonNull(maxWait, "maxWait is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.sleeper = requireNonNull(sleeper, "sleeper is null");
    this.granted = new ArrayList<>();
    for (int i = 0; i < this.limits.size(); i++) {
      granted.add(new ArrayDeque<>());
    }
  }

  /** A budget on the system clock that waits up to {@link #DEFAULT_MAX_WAIT} in-thread. */
  public static RateBudget of(String vendor, String name, Limit... limits) {
    return new RateBudget(
        vendor,
        name,
        List.of(limits),
        DEFAULT_MAX_WAIT,
        Clock.systemUTC(),
        d -> Thread.sleep(d.toMillis()));
  }

  /**
   * Takes one permit, waiting in-thread for at most {@code maxWait}.
   *
   * @param operation the vendor operation, for the failure message
   * @throws RateLimited when the next permit is further away than {@code maxWait}; its retryAfter
   *     is the time until that permit frees up
   */
  public void acquire(String operation) {
    Duration wait = reserve(operation);
    if (wait.isZero()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      // The reservation stays spent: harmless, and it keeps the bookkeeping monotonic.
      Thread.currentThread().interrupt();
      throw new RateLimited(vendor, operation, 0, null, "interrupted waiting for " + name, wait);
    }
  }

  private synchronized Duration reserve(String operation) {
    Instant now = clock.instant();
    // Grants are kept in non-decreasing order, so each deque stays sorted.
    Instant slot = now.isAfter(lastGrant) ? now : lastGrant;
    for (int i = 0; i < limits.size(); i++) {
      Limit limit = limits.get(i);
      Deque<Instant> log = granted.get(i);
      // Grants that left the window, or older than the last `permits`, can never constrain again.
      while (!log.isEmpty()
          && (log.size() > limit.permits()
              || !log.peekFirst().isAfter(now.minus(limit.window())))) {
        log.pollFirst();
      }
      if (log.size() == limit.permits()) {
        // The slot frees when the oldest of the last `permits` grants leaves the window.
        Instant frees = log.peekFirst().plus(limit.window());
        if (frees.isAfter(slot)) {
          slot = frees;
        }
      }
    }
    Duration wait = Duration.between(now, slot);
    if (wait.compareTo(maxWait) > 0) {
      throw new RateLimited(
          vendor, operation, 0, null, "local rate budget " + name + " is spent", wait);
    }
    for (Deque<Instant> log : granted) {
      log.addLast(slot);
    }
    lastGrant = slot;
    return wait;
  }

  /** The budget's name, e.g. {@code brevo-main/organization}. */
  public String name() {
    return name;
  }
}
