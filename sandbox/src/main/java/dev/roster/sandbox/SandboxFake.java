package dev.roster.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * What every vendor fake shares: its {@link FakeHttpServer} on 127.0.0.1, and the test-facing
 * delegations to it (injected {@link Faults}, call counts, the request journal, the port, and
 * closing). Each fake registers its own routes on {@link #server}, starts it, and says what its
 * {@link #baseUrl()} is; its vendor state stays its own.
 */
public abstract class SandboxFake implements AutoCloseable {
  /** The fake's HTTP server; subclasses register their routes on it and start it. */
  protected final FakeHttpServer server;

  private final List<RateBudget> budgets = new CopyOnWriteArrayList<>();

  /**
   * @param name the server's name for log lines, e.g. {@code "brevo"}
   */
  protected SandboxFake(String name) {
    this.server = new FakeHttpServer(name);
  }

  /** A rate budget of this fake's, counted in {@link #overBudgetArrivals()}. */
  protected final RateBudget rateBudget(int limit, Duration window, Supplier<Instant> clock) {
    RateBudget budget = new RateBudget(limit, window, clock);
    budgets.add(budget);
    return budget;
  }

  /**
   * Requests that arrived when their budget was spent, each answered 429 by the fake itself (not
   * injected faults): a client that keeps its budget has none.
   */
  public int overBudgetArrivals() {
    return budgets.stream().mapToInt(RateBudget::refused).sum();
  }

  /** See {@link FakeHttpServer#closeIdleConnectionsAfter(Duration)}. */
  public void closeIdleConnectionsAfter(Duration timeout) {
    server.closeIdleConnectionsAfter(timeout);
  }

  /** Connections clients opened to this fake. */
  public int acceptedConnections() {
    return server.acceptedConnections();
  }

  /** Connections this fake closed for being idle. */
  public int idleClosedConnections() {
    return server.idleClosedConnections();
  }

  /** The URL to configure a client of this vendor with, on {@code http://127.0.0.1:<port>}. */
  public abstract String baseUrl();

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  /** The faults to inject into the next requests, before routing. */
  public Faults faults() {
    return server.faults();
  }

  /** The routed requests received, oldest first (see {@link FakeHttpServer#requests()}). */
  public List<FakeRequest> requests() {
    return server.requests();
  }

  /**
   * Requests matched to a route template as the fake registered it, faulted ones included, e.g.
   * {@code calls("GET", "/v3/contacts/{identifier}")}.
   */
  public int calls(String method, String pathTemplate) {
    return server.calls(method, pathTemplate);
  }

  /** Every request received, whatever the outcome, since the start or {@link #resetCounters()}. */
  public int totalCalls() {
    return server.totalCalls();
  }

  /** Requests answered by an injected fault (failed or dropped). */
  public int faultedCalls() {
    return server.faultedCalls();
  }

  /** Clears the call counts and the request journal. */
  public void resetCounters() {
    server.resetCounters();
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.close();
  }
}
