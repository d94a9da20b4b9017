package dev.roster.sandbox.servicenow;

import dev.roster.sandbox.FakeHandler;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.RateBudget;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** What every API call passes before its handler: authentication (401), then the budget (429). */
final class SnGate {

  /** A handler that knows the acting user. */
  @FunctionalInterface
  interface UserHandler {
    FakeResponse handle(FakeRequest request, String user) throws Exception;
  }

  private final SnAuth auth;
  private final RateBudget budget;
  private final Supplier<Instant> clock;

  SnGate(SnAuth auth, RateBudget budget, Supplier<Instant> clock) {
    this.auth = auth;
    this.budget = budget;
    this.clock = clock;
  }

  /** Wraps a handler with authentication, the rate budget and the error envelope. */
  FakeHandler wrap(UserHandler handler) {
    return request -> {
      Optional<String> user = auth.authenticate(request);
      if (user.isEmpty()) {
        return SnAuth.unauthorized();
      }
      RateBudget.Decision decision = budget.tryAcquire(request.receivedAt());
      Map<String, String> headers = rateHeaders(decision);
      if (!decision.allowed()) {
        return SnHttp.error(429, "Rate limit exceeded", "Too many requests")
            .withHeaders(headers)
            .withHeaders(Map.of("Retry-After", Long.toString(decision.resetSeconds())));
      }
      try {
        return handler.handle(request, user.get()).withHeaders(headers);
      } catch (ServiceNowError e) {
        return SnHttp.error(e).withHeaders(headers);
      }
    };
  }

  /** An instance's rate-limit headers; it sends no "remaining" count. */
  private Map<String, String> rateHeaders(RateBudget.Decision d) {
    long reset = clock.get().getEpochSecond() + d.resetSeconds();
    return Map.of(
        "X-RateLimit-Limit", Integer.toString(d.limit()),
        "X-RateLimit-Reset", Long.toString(reset),
        "X-RateLimit-Rule", "sandbox-integration-user");
  }
}
