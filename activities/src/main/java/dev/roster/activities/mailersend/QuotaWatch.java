package dev.roster.activities.mailersend;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows MailerSend's daily request quota from {@code x-apiquota-remaining} and {@code
 * x-apiquota-reset}, and warns when it runs low: once the quota is spent every call is a 429 until
 * 00:00 UTC, which a person may want to know before it happens. Thread-safe.
 */
final class QuotaWatch {
  private static final Logger log = LoggerFactory.getLogger(QuotaWatch.class);

  /** Warn at or below this many remaining requests by default. */
  static final int DEFAULT_LOW = 100;

  private final int low;
  private final AtomicLong remaining = new AtomicLong(-1);
  private volatile Instant reset;

  QuotaWatch(int low) {
    this.low = low;
  }

  /** Records one response's quota headers; absent or malformed values are ignored. */
  void observe(String remainingHeader, String resetHeader) {
    if (remainingHeader == null) {
      return;
    }
    long value;
    try {
      value = Long.parseLong(remainingHeader.trim());
    } catch (NumberFormatException e) {
      return;
    }
    reset = parse(resetHeader);
    long before = remaining.getAndSet(value);
    // -1 is what unlimited plans report (the official SDKs' recorded responses); never "low".
    if (value >= 0 && value <= low && value != before) {
      log.warn(
          "mailersend api quota low remaining={} reset={}", value, reset == null ? "?" : reset);
    }
  }

  /** The last remaining count seen; -1 when unlimited or nothing seen yet. */
  long remaining() {
    return remaining.get();
  }

  /** When the quota was last reported to reset, or null. */
  Instant reset() {
    return reset;
  }

  static Instant parse(String iso) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(iso.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
