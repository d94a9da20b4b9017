package dev.roster.starter.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * {@code roster_webhook_deliveries_total{result}}: every ServiceNow webhook request by outcome, in
 * Micrometer's global registry (which {@code MetricsModule}'s Prometheus registry joins). The
 * result is one of a fixed set of words ({@code accepted}, {@code duplicate}, {@code amended},
 * {@code signalled}, {@code not_found}, {@code method_not_allowed}, {@code unsupported_media_type},
 * {@code unauthenticated}, {@code too_large}, {@code too_slow}, {@code malformed}, {@code invalid},
 * {@code unknown_request}, {@code conflict}, {@code temporal_unavailable}, {@code error}): never a
 * ticket, an email or anything else from the request.
 */
final class WebhookMetrics {
  /** The meter's name; Prometheus shows it as {@code roster_webhook_deliveries_total}. */
  static final String DELIVERIES = "roster.webhook.deliveries";

  static void delivery(String result) {
    Counter.builder(DELIVERIES)
        .description("ServiceNow webhook requests by outcome")
        .tag("result", result)
        .register(Metrics.globalRegistry)
        .increment();
  }

  private WebhookMetrics() {}
}
