package dev.roster.activities.http;

import static java.util.Objects.requireNonNull;

import io.temporal.activity.Activity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** How long to wait before retrying a throttled call: the vendor's signal, else backoff. */
public final class RetryDelays {

  /** Brevo's reset values above this are taken as milliseconds (about 2.8 hours in seconds). */
  static final long BREVO_RESET_MILLIS_THRESHOLD = 10_000;

  private final Clock clock;
  private final DoubleSupplier random;
  private final Duration base;
  private final Duration cap;

  /**
   * @param random uniform values in [0, 1)
   * @param base the backoff ceiling of the first attempt
   * @param cap the largest backoff ceiling
   */
  public RetryDelays(Clock clock, DoubleSupplier random, Duration base, Duration cap) {
    this.clock = requireNonNull(clock, "clock is null");
    this.random = requireNonNull(random, "random is null");
    this.base = requireNonNull(base, "base is null");
    this.cap = requireNonNull(cap, "cap is null");
  }

  /** System clock, thread-local randomness, 1 s base, 10 min cap. */
  public static RetryDelays system() {
    return new RetryDelays(
        Clock.systemUTC(),
        () -> ThreadLocalRandom.current().nextDouble(),
        Duration.ofSeconds(1),
        Duration.ofMinutes(10));
  }

  /**
   * Parses {@code Retry-After}: delta seconds or an HTTP-date (RFC 1123), relative to the clock. A
   * date in the past gives zero. Empty when absent or unparseable.
   */
  public Optional<Duration> retryAfter(String headerValue) {
    if (headerValue == null || headerValue.isBlank()) {
      return Optional.empty();
    }
    String value = headerValue.trim();
    try {
      long seconds = Long.parseLong(value);
      return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
    } catch (NumberFormatException notSeconds) {
      // fall through to the date form
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration delay = Duration.between(clock.instant(), at);
      return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses Brevo's {@code x-sib-ratelimit-reset}. Empty when absent or unparseable.
   *
   * <p>vendors.md §4 ⚠: Brevo's docs give the unit as "granularity unit (typically seconds)" while
   * a production client treats it as milliseconds. No window Brevo documents is longer than an hour
   * (3600 s), so a value above 10000 cannot be seconds and is read as milliseconds.
   */
  public static Optional<Duration> brevoReset(String headerValue) {
    if (headerValue == null || headerValue.isBlank()) {
      return Optional.empty();
    }
    try {
      long value = Math.max(0, Long.parseLong(headerValue.trim()));
      return Optional.of(
          value > BREVO_RESET_MILLIS_THRESHOLD
              ? Duration.ofMillis(value)
              : Duration.ofSeconds(value));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Exponential backoff with full jitter: uniform in [0, min(cap, base * 2^(attempt-1))].
   *
   * @param attempt 1 for the first attempt
   */
  public Duration backoff(int attempt) {
    return Duration.ofMillis((long) (random.getAsDouble() * ceiling(attempt).toMillis()));
  }

  /**
   * The delay before retrying a passing failure: uniform in [base, 3 x base], so the steps that
   * failed together do not come back together.
   */
  public Duration soon() {
    return base.plusMillis((long) (random.getAsDouble() * base.multipliedBy(2).toMillis()));
  }

  /** The upper bound of {@link #backoff(int)} for this attempt. */
  public Duration ceiling(int attempt) {
    int doublings = Math.max(0, Math.min(attempt - 1, 30));
    long millis = base.toMillis() << doublings;
    return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
  }

  /** The current activity's attempt number (1-based), or 1 outside an activity. */
  public static int currentAttempt() {
    try {
      return Activity.getExecutionContext().getInfo().getAttempt();
    } catch (IllegalStateException notInActivity) {
      return 1;
    }
  }
}
