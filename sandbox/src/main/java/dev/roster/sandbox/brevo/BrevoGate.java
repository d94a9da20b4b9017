package dev.roster.sandbox.brevo;

import dev.roster.sandbox.FakeHandler;
import dev.roster.sandbox.RateBudget;
import java.util.Map;

/**
 * What every Brevo API call passes before its handler: the {@code api-key} header (401), then the
 * endpoint family's rate budget (429), with {@code x-sib-ratelimit-*} headers on every answer of
 * the family and Brevo's error envelope for a {@link BrevoError}.
 */
final class BrevoGate {
  private final String apiKey;

  BrevoGate(String apiKey) {
    this.apiKey = apiKey;
  }

  FakeHandler wrap(RateBudget budget, FakeHandler handler) {
    return request -> {
      String key = request.header("api-key");
      if (key == null || key.isEmpty()) {
        return BrevoHttp.error(401, "unauthorized", "authentication not found in headers", null);
      }
      if (!key.equals(apiKey)) {
        return BrevoHttp.error(401, "unauthorized", "Key not found", null);
      }
      RateBudget.Decision decision = budget.tryAcquire(request.receivedAt());
      Map<String, String> headers = BrevoHttp.rateHeaders(decision);
      if (!decision.allowed()) {
        return BrevoHttp.error(
                429, "too_many_requests", "The expected rate limit is exceeded.", null)
            .withHeaders(headers);
      }
      try {
        return handler.handle(request).withHeaders(headers);
      } catch (BrevoError e) {
        return BrevoHttp.error(e.status, e.code, e.getMessage(), e.metadata).withHeaders(headers);
      }
    };
  }
}
