package dev.roster.activities.http;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * This process's share of one (account, endpoint family) rate limit, e.g. Brevo organization calls
 * at 100 per hour. The embedded Temporal server does not enforce task-queue rate limits, so the
 * HTTP layer enforces the same budget itself (ARCHITECTURE.md §5).
 *
 * <p>Sliding-window log per limit. {@link #acquire} takes a permit when one is free; it sleeps
 * while the next one is at most {@code maxWait} away, otherwise it throws {@link RateLimited} so
 * that a Temporal retry, not a blocked worker thread, carries the long wait. Thread-safe.
 */
public final class RateBudget {

  /** At most {@code permits} calls in any {@code window}. */
  public record Limit(int permits, Duration window) {

    /** The smallest allowance {@link #vendorLimit} adds to a window. */
    public static final Duration MIN_SKEW_ALLOWANCE = Duration.ofMillis(5);

    /**
     * A vendor's documented limit as this process keeps it: the window grows by 2% (at least {@link
     * #MIN_SKEW_ALLOWANCE}). Grants are timed when a request leaves; the vendor counts when it
     * arrives, and a request on a fresh connection arrives later than one on a warm one, so two
     * requests spaced exactly one window apart here can land closer together there and the second
     * would be refused (a 429 costs a backoff of a second or more where the vendor sends no
     * headers, Mailjet's case).
     */
    public static Limit vendorLimit(int permits, Duration window) {
      Duration allowance = window.dividedBy(50);
      if (allowance.compareTo(MIN_SKEW_ALLOWANCE) < 0) {
        allowance = MIN_SKEW_ALLOWANCE;
      }
      return new Limit(permits, window.plus(allowance));
    }

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

  /** What a request carries (as its tag) so that {@link #metering} takes the permit for it. */
  public record Permit(RateBudget budget, String operation) {}

  /**
   * {@code http} with a network interceptor that takes each tagged request's permit ({@link
   * Permit}) right before the request is written: after any connection setup, which would otherwise
   * sit between the permit and the request's arrival, so a request on a fresh connection could
   * reach the vendor closer behind the previous one than the window allows. Shares {@code http}'s
   * connection pool.
   */
  public static OkHttpClient metering(OkHttpClient http) {
    return http.newBuilder()
        .addNetworkInterceptor(
            chain -> {
              Permit permit = chain.request().tag(Permit.class);
              if (permit != null) {
                permit.budget().acquire(permit.operation());
              }
              return chain.proceed(chain.request());
            })
        .build();
  }

  /** The tag for a request of {@code operation} under this budget. */
  public Permit permit(String operation) {
    return new Permit(this, operation);
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
   * Takes one permit, waiting in-thread for at most {@code maxWait}. A permit is recorded when it
   * is taken, after any wait, never at a planned future slot: a thread that wakes late (a busy
   * machine oversleeps) must not let the next request follow closer than the window allows.
   *
   * @param operation the vendor operation, for the failure message
   * @throws RateLimited when the next permit is further away than {@code maxWait}; its retryAfter
   *     is the time until that permit frees up
   */
  public void acquire(String operation) {
    Instant deadline = clock.instant().plus(maxWait);
    while (true) {
      Duration wait = take(operation, deadline);
      if (wait.isZero()) {
        return;
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RateLimited(vendor, operation, 0, null, "interrupted waiting for " + name, wait);
      }
    }
  }

  /** Takes a permit now (returns zero) or says how long until one frees up. */
  private synchronized Duration take(String operation, Instant deadline) {
    Instant now = clock.instant();
    Instant frees = now;
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
        // A permit frees when the oldest of the last `permits` grants leaves the window.
        Instant at = log.peekFirst().plus(limit.window());
        if (at.isAfter(frees)) {
          frees = at;
        }
      }
    }
    if (frees.isAfter(now)) {
      Duration wait = Duration.between(now, frees);
      if (frees.isAfter(deadline)) {
        throw new RateLimited(
            vendor, operation, 0, null, "local rate budget " + name + " is spent", wait);
      }
      return wait;
    }
    // Grants stay in non-decreasing order (a clock stepping back must not unsort the logs).
    Instant grant = now.isAfter(lastGrant) ? now : lastGrant;
    for (Deque<Instant> log : granted) {
      log.addLast(grant);
    }
    lastGrant = grant;
    return Duration.ZERO;
  }

  /** The budget's name, e.g. {@code brevo-main/organization}. */
  public String name() {
    return name;
  }
}
