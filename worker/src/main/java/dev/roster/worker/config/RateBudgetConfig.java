package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How many requests one endpoint family of a vendor account may receive per period. Feeds both the
 * task queue's {@code setMaxTaskQueueActivitiesPerSecond} and the HTTP layer's own limiter.
 */
public record RateBudgetConfig(int requests, Duration per) {
  public RateBudgetConfig {
    requireNonNull(per, "per is null");
    if (requests < 1) {
      throw new IllegalArgumentException("requests must be at least 1, got " + requests);
    }
    if (per.isNegative() || per.isZero()) {
      throw new IllegalArgumentException("per must be positive, got " + per);
    }
  }

  /** The budget as a rate, e.g. 100 per 1h = 0.0277.. per second. */
  public double perSecond() {
    return requests / (per.toNanos() / 1e9);
  }
}
