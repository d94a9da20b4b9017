package dev.roster.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A tiny routing HTTP server on the JDK's {@link HttpServer}, bound to 127.0.0.1, shared by every
 * vendor fake. It owns routing ({@code {param}} segments, most literal segments win), loud 404/405
 * answers, per-route call counting and {@link Faults}; each request is answered by {@link
 * FakeExchanges}. Vendor semantics (auth, envelopes, rate limits) live in the handlers.
 */
public final class FakeHttpServer implements AutoCloseable {
  private static final int THREADS = 8;

  static {
    noDelay();
  }

  /**
   * Asks the JDK's HTTP server for TCP_NODELAY before its first use in this JVM (it reads the
   * property once). It writes a response's headers and body separately, and with Nagle's algorithm
   * the body then waits for the client's delayed ACK: about 40 ms on every answer, which made every
   * fake call take some 50 ms instead of a few.
   */
  static void noDelay() {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final FakeRoutes routes = new FakeRoutes();
  private final FakeTraffic traffic = new FakeTraffic();
  private final Faults faults = new Faults();
  private final FakeExchanges exchanges;
  private HttpServer server;
  private ConnectionFront front;
  private ExecutorService executor;
  private volatile Supplier<Instant> clock = Instant::now;

  /**
   * @param name used only in log lines, e.g. "brevo"
   */
  public FakeHttpServer(String name) {
    this.exchanges = new FakeExchanges(name, routes, traffic, faults, () -> clock);
  }

  /** Registers a route; may be called before or after {@link #start(int)}. */
  public FakeHttpServer route(String method, String template, FakeHandler handler) {
    routes.add(method, template, handler);
    return this;
  }

  /** The clock that stamps each request's arrival ({@link FakeRequest#receivedAt()}). */
  public void clock(Supplier<Instant> clock) {
    this.clock = java.util.Objects.requireNonNull(clock, "clock is null");
  }

  /**
   * Binds 127.0.0.1 on {@code port} (0 = ephemeral) and starts serving. Clients connect to a {@link
   * ConnectionFront} that relays to the JDK server on a port of its own, so that the fake can close
   * idle connections and stamp arrivals at the edge.
   */
  public synchronized FakeHttpServer start(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind 127.0.0.1", e);
    }
    // A pool, not the default single thread, so clients can test concurrency and latency.
    executor = Executors.newFixedThreadPool(THREADS, daemonThreads("fake-http"));
    server.setExecutor(executor);
    server.createContext("/", exchange -> exchanges.serve(exchange, front));
    server.start();
    front = new ConnectionFront(port, server.getAddress().getPort(), () -> clock);
    return this;
  }

  public int port() {
    return front.port();
  }

  /**
   * Closes keep-alive connections that stayed idle (no request under way) for longer than {@code
   * timeout}, as a vendor's servers do (Apache after 5 s, nginx after 75 s); null never does. The
   * JDK server behind the front still closes its own idle connections after 30 s, as before.
   */
  public void closeIdleConnectionsAfter(Duration timeout) {
    front.idleTimeout(timeout);
  }

  /** Connections clients opened to this server. */
  public int acceptedConnections() {
    return front.accepted();
  }

  /** Connections this server closed for being idle ({@link #closeIdleConnectionsAfter}). */
  public int idleClosedConnections() {
    return front.idleClosed();
  }

  /** {@code http://127.0.0.1:<port>} without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public Faults faults() {
    return faults;
  }

  /** Requests matched to this route, including faulted ones; unknown paths count under "?". */
  public int calls(String method, String pathTemplate) {
    return traffic.calls(method, pathTemplate);
  }

  /** Every request received, whatever the outcome. */
  public int totalCalls() {
    return traffic.total();
  }

  /** Requests answered by an injected fault (failed, dropped or truncated). */
  public int faultedCalls() {
    return traffic.faultedCalls();
  }

  /**
   * The routed requests received (method, path, template, headers, body), oldest first; at most the
   * last 10,000. Contract tests check what a client sent against the vendor's documented shape.
   */
  public List<FakeRequest> requests() {
    return traffic.requests();
  }

  public void resetCounters() {
    traffic.reset();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      front.close();
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }

  /** Daemon threads named {@code <prefix>-<n>}, so a test's JVM never waits on a fake. */
  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
