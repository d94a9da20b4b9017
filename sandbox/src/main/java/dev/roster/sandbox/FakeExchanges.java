package dev.roster.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one exchange of a {@link FakeHttpServer}: stamps its arrival, counts it, applies the next
 * injected {@link Faults} (fail, drop, truncate, an action before it, latency), routes it to its
 * handler or answers 404/405 loudly, and writes the answer.
 */
final class FakeExchanges {
  private static final Logger log = LoggerFactory.getLogger(FakeExchanges.class);

  private final String name;
  private final FakeRoutes routes;
  private final FakeTraffic traffic;
  private final Faults faults;
  private final Supplier<Supplier<Instant>> clock;

  /**
   * @param name the server's name for log lines
   * @param clock the server's current clock, for requests the front did not stamp
   */
  FakeExchanges(
      String name,
      FakeRoutes routes,
      FakeTraffic traffic,
      Faults faults,
      Supplier<Supplier<Instant>> clock) {
    this.name = name;
    this.routes = routes;
    this.traffic = traffic;
    this.faults = faults;
    this.clock = clock;
  }

  void serve(HttpExchange exchange, ConnectionFront front) throws IOException {
    Instant arrived = front.arrivalOf(exchange.getRemoteAddress().getPort());
    Instant received = arrived == null ? clock.get().get() : arrived;
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String rawPath = exchange.getRequestURI().getRawPath();
    String[] segments = FakeRoutes.split(rawPath);
    Optional<FakeRoutes.Match> match = routes.match(method, segments);
    String template = match.map(m -> m.route().template()).orElse("?");
    traffic.received(method, template);
    try (exchange) {
      Optional<Faults.Fault> fault = faults.poll(method, template);
      delay(faults.currentLatency());
      if (fault.isPresent() && fault.get() instanceof Faults.Before before) {
        before.action().run();
        fault = Optional.empty();
      }
      if (fault.isPresent() && fault.get() instanceof Faults.Truncate) {
        traffic.faulted();
        FakeResponse whole = dispatch(exchange, method, rawPath, segments, match, received);
        byte[] body = whole.body();
        write(
            exchange,
            method,
            template,
            new FakeResponse(
                whole.status(), whole.headers(), Arrays.copyOf(body, body.length / 2)));
        return;
      }
      if (fault.isPresent()) {
        traffic.faulted();
        if (fault.get() instanceof Faults.Fail fail) {
          write(exchange, method, template, fail.response());
        } else {
          // Closing before sendResponseHeaders makes the JDK server drop the socket outright.
          log.debug("{} {} {} -> dropped", name, method, template);
        }
        return;
      }
      write(
          exchange,
          method,
          template,
          dispatch(exchange, method, rawPath, segments, match, received));
    }
  }

  private FakeResponse dispatch(
      HttpExchange exchange,
      String method,
      String rawPath,
      String[] segments,
      Optional<FakeRoutes.Match> match,
      Instant received)
      throws IOException {
    if (match.isEmpty()) {
      TreeSet<String> allowed = routes.allowedMethods(segments);
      if (allowed.isEmpty()) {
        return FakeResponse.json(
            404, Map.of("code", "not_found", "message", "No sandbox route for " + rawPath));
      }
      return FakeResponse.json(
              405,
              Map.of(
                  "code", "method_not_allowed", "message", method + " not allowed on " + rawPath))
          .withHeaders(Map.of("Allow", String.join(", ", allowed)));
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    FakeRoutes.Route route = match.get().route();
    FakeRequest request =
        new FakeRequest(
            method,
            rawPath,
            route.template(),
            match.get().params(),
            exchange.getRequestURI().getRawQuery(),
            exchange.getRequestHeaders(),
            body,
            received);
    traffic.routed(request);
    try {
      return route.handler().handle(request);
    } catch (Exception e) {
      log.warn("{} {} {} handler failed", name, method, route.template(), e);
      return FakeResponse.json(
          500, Map.of("code", "sandbox_error", "message", "sandbox handler failed"));
    }
  }

  private void write(HttpExchange exchange, String method, String template, FakeResponse response)
      throws IOException {
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    byte[] body = response.body();
    // -1 means "no body"; 0 would mean chunked to the JDK server.
    boolean noBody = body.length == 0 || response.status() == 204 || response.status() == 304;
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
    if (!noBody) {
      exchange.getResponseBody().write(body);
    }
    log.debug("{} {} {} -> {}", name, method, template, response.status());
  }

  private static void delay(Duration latency) {
    if (latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(latency.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
