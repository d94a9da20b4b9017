package dev.roster.activities.mailersend;

import dev.roster.activities.http.RetryDelays;
import dev.roster.activities.http.VendorJson;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Response;

/** Reads MailerSend's signals off a response: quota headers, 429 delays, error messages. */
final class ResponseReader {
  private final RetryDelays delays;
  private final QuotaWatch quota;
  private final Clock clock = Clock.systemUTC();

  ResponseReader(RetryDelays delays, QuotaWatch quota) {
    this.delays = delays;
    this.quota = quota;
  }

  QuotaWatch quota() {
    return quota;
  }

  void observe(Response response) {
    quota.observe(response.header("x-apiquota-remaining"), response.header("x-apiquota-reset"));
  }

  /**
   * The delay a 429 asks for: {@code retry-after} (seconds, vendors.md §2), else, when the daily
   * quota is spent, the time until {@code x-apiquota-reset}; null when neither says.
   */
  Duration retryAfter(Response response) {
    return delays
        .retryAfter(response.header("retry-after"))
        .or(() -> untilQuotaReset(response))
        .orElse(null);
  }

  private Optional<Duration> untilQuotaReset(Response response) {
    if (!"0".equals(response.header("x-apiquota-remaining"))) {
      return Optional.empty();
    }
    Instant reset = QuotaWatch.parse(response.header("x-apiquota-reset"));
    if (reset == null) {
      return Optional.empty();
    }
    Duration d = Duration.between(clock.instant(), reset);
    return Optional.of(d.isNegative() ? Duration.ZERO : d);
  }

  /**
   * The vendor's message for an exception: for a 422 every field error as {@code field: message}
   * joined by "; " (the summary line alone, "The given data was invalid.", says nothing); else the
   * {@code message} field. Never the raw body: bodies may echo personal data.
   */
  static String errorMessage(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    MailerSendWire.ErrorBody error;
    try {
      error = VendorJson.MAPPER.readValue(body, MailerSendWire.ErrorBody.class);
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
    if (error.errors() == null || error.errors().isEmpty()) {
      return error.message();
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, List<String>> field : error.errors().entrySet()) {
      if (field.getValue() != null) {
        field.getValue().forEach(m -> parts.add(field.getKey() + ": " + m));
      }
    }
    return parts.isEmpty() ? error.message() : String.join("; ", parts);
  }
}
