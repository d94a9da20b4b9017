package dev.roster.activities.http;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * This process's share of one (account, endpoint family) rate limit, e.g. Brevo organization calls
 * at 100 per hour. The embedded Temporal server does not enforce task-queue rate limits, so the
 * HTTP layer enforces the same budget itself (ARCHITECTURE.md §5).
 *
 * <p>Sliding-window log per limit, served first come first served. {@link #acquire} waits in-thread
 * for its turn and its permit while that is within {@code maxWait} and the activity's time left
 * (heartbeating, so a cancellation still reaches it); otherwise it throws {@link RateLimited} whose
 * retry delay is when its permit would have come, so a Temporal retry carries only a long wait and
 * never lands before it can succeed. Waiting in turn matters: when every waiter was told "the next
 * permit frees in 100 ms" they all came back at once, one won, and each of the others spent an
 * attempt (200 onboardings at once failed some 880 times, and the inflated attempt counts made
 * later real failures back off for up to 10 minutes). Thread-safe.
 */
public final class RateBudget {

  /** At most {@code permits} calls in any {@code window}. */
  public record Limit(int permits, Duration window) {

    /** The smallest allowance {@link #vendorLimit} adds to a window. */
    public static final Duration MIN_SKEW_ALLOWANCE = Duration.ofMillis(5);

    /**
     * A vendor's documented limit as this process keeps it: the window grows by 2% (at least {@link
     * #MIN_SKEW_ALLOWANCE}). Grants count from when the request was answered ({@link MeteredHttp}),
     * never before the vendor counted it; the allowance is for how the vendor keeps its windows
     * (coarse clocks, windows cut on whole seconds), since a 429 costs a backoff of a second or
     * more where the vendor sends no headers (Mailjet's case).
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

  /**
   * The default longest in-thread wait for a permit; inside an activity the wait also ends early
   * enough to leave {@link #CALL_RESERVE} of its start-to-close timeout for the request itself.
   */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);

  /**
   * What a wait leaves of an activity's start-to-close timeout for the calls after it: one whole
   * call's timeout (or half the activity's timeout, when that is shorter).
   */
  static final Duration CALL_RESERVE = VendorHttp.Timeouts.DEFAULT.call();

  /** A long wait heartbeats at least this often. */
  static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(5);

  private final String vendor;
  private final String name;
  private final List<Limit> limits;
  private final Duration longestWindow;
  private final int mostPermits;
  private final GrantLog log = new GrantLog();
  private final Deque<Object> waiting = new ArrayDeque<>();
  private final Duration maxWait;
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * @param vendor the vendor, for the RateLimited it throws
   * @param name the budget's name for messages, e.g. {@code brevo-main/organization}
   * @param maxWait the longest in-thread wait for a permit
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
    this.longestWindow = this.limits.stream().map(Limit::window).max(Duration::compareTo).get();
    this.mostPermits = this.limits.stream().mapToInt(Limit::permits).max().getAsInt();
    VendorCallMetrics.declare(name);
  }

  /**
   * What a request carries (as its tag) so that {@link MeteredHttp} takes its permit before the
   * call and the permit is stamped when the request is written.
   */
  public record Permit(RateBudget budget, String operation) {}

  /**
   * One permit taken. It counts from when it was taken until {@link #stamp} moves it later: to when
   * its request was written and then answered ({@link MeteredHttp}), so that neither connection
   * setup nor a thread waiting for a core between our stamp and the vendor's edge lets a request
   * reach the vendor closer behind the previous one than the window allows.
   */
  public final class Grant {
    private Instant at;

    private Grant(Instant at) {
      this.at = at;
    }

    /** Moves the permit to now (never earlier). */
    public void stamp() {
      synchronized (RateBudget.this) {
        Instant now = clock.instant();
        if (now.isAfter(at)) {
          log.move(at, now);
          at = now;
        }
      }
    }

    /** When the permit counts from. */
    public Instant at() {
      synchronized (RateBudget.this) {
        return at;
      }
    }
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
   * Takes one permit in turn, waiting in-thread for callers that came first and for the window. The
   * permit counts from when it is taken, after any wait, never from a planned slot: a thread that
   * wakes late must not let the next request follow closer than the window allows.
   *
   * @param operation the vendor operation, for the failure message
   * @throws RateLimited when this caller's permit lies beyond {@code maxWait} or the activity's
   *     time; its retryAfter is the time until that permit, counting the callers ahead
   */
  public Grant acquire(String operation) {
    Instant started = clock.instant();
    Instant deadline = started.plus(maxWait);
    Optional<Instant> activityDeadline = ActivityBounds.waitDeadline(clock, CALL_RESERVE);
    if (activityDeadline.isPresent() && activityDeadline.get().isBefore(deadline)) {
      deadline = activityDeadline.get();
    }
    Object turn = new Object();
    synchronized (this) {
      waiting.addLast(turn);
    }
    try {
      Instant lastHeartbeat = started;
      while (true) {
        Instant now;
        Instant at;
        synchronized (this) {
          now = clock.instant();
          log.trim(now, longestWindow, mostPermits);
          int position = position(turn);
          at = log.nextGrant(limits, now, position);
          if (position == 0 && !at.isAfter(now)) {
            log.add(now);
            return new Grant(now);
          }
        }
        if (at.isAfter(deadline)) {
          throw new RateLimited(
              vendor,
              operation,
              0,
              null,
              "local rate budget " + name + " is spent",
              Duration.between(now, at));
        }
        if (Duration.between(lastHeartbeat, now).compareTo(HEARTBEAT_EVERY) >= 0) {
          ActivityBounds.heartbeat();
          lastHeartbeat = now;
        }
        Duration wait = Duration.between(now, at);
        sleep(operation, wait.compareTo(HEARTBEAT_EVERY) > 0 ? HEARTBEAT_EVERY : wait);
      }
    } finally {
      synchronized (this) {
        waiting.remove(turn);
      }
    }
  }

  /** How many callers are ahead of this one. */
  private int position(Object turn) {
    int i = 0;
    for (Object t : waiting) {
      if (t == turn) {
        return i;
      }
      i++;
    }
    throw new IllegalStateException("not waiting");
  }

  private void sleep(String operation, Duration wait) {
    try {
      // A zero wait still yields, so the caller ahead can take its permit.
      sleeper.sleep(wait.isZero() ? Duration.ofMillis(1) : wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RateLimited(vendor, operation, 0, null, "interrupted waiting for " + name, wait);
    }
  }

  /** The budget's name, e.g. {@code brevo-main/organization}. */
  public String name() {
    return name;
  }
}
