package dev.roster.sandbox.mailersend;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * MailerSend's daily request quota, reset at 00:00 UTC (the recorded {@code x-apiquota-reset}
 * values are UTC midnights, e.g. {@code 2025-07-30T00:00:00Z}). Thread-safe.
 */
final class DailyQuota {

  /** Outcome of one {@link #tryAcquire()}, as the {@code x-apiquota-*} headers report it. */
  record Decision(boolean allowed, int remaining, Instant reset, long secondsUntilReset) {}

  private final int quota;
  private final Supplier<Instant> clock;
  private LocalDate day;
  private int used;

  DailyQuota(int quota, Supplier<Instant> clock) {
    if (quota < 0) {
      throw new IllegalArgumentException("quota must be >= 0");
    }
    this.quota = quota;
    this.clock = clock;
  }

  synchronized Decision tryAcquire() {
    Instant now = roll();
    boolean allowed = used < quota;
    if (allowed) {
      used++;
    }
    return decision(allowed, now);
  }

  /** The current state without spending anything. */
  synchronized Decision peek() {
    return decision(true, roll());
  }

  synchronized void reset() {
    used = 0;
  }

  private Decision decision(boolean allowed, Instant now) {
    Instant reset = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    long seconds = Duration.between(now, reset).toSeconds();
    return new Decision(allowed, quota - used, reset, Math.max(1, seconds));
  }

  private Instant roll() {
    Instant now = clock.get();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    if (!today.equals(day)) {
      day = today;
      used = 0;
    }
    return now;
  }
}
