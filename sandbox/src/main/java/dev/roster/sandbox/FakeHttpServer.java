package dev.roster.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tiny routing HTTP server on the JDK's {@link HttpServer}, bound to 127.0.0.1, shared by every
 * vendor fake. It owns routing ({@code {param}} segments, most literal segments win), loud 404/405
 * answers, per-route call counting and {@link Faults}. Vendor semantics (auth, envelopes, rate
 * limits) live in the handlers.
 */
public final class FakeHttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FakeHttpServer.class);
  private static final int THREADS = 8;

  private record Route(String method, String template, String[] segments, FakeHandler handler) {}

  private record Match(Route route, Map<String, String> params) {}

  private final String name;
  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger faulted = new AtomicInteger();
  private final Faults faults = new Faults();

  /** The last {@link #JOURNAL_SIZE} routed requests, for contract tests. */
  private final java.util.Deque<FakeRequest> journal = new java.util.ArrayDeque<>();

  static final int JOURNAL_SIZE = 10_000;
  private HttpServer server;
  private ExecutorService executor;
  private volatile Supplier<Instant> clock = Instant::now;

  /**
   * @param name used only in log lines, e.g. "brevo"
   */
  public FakeHttpServer(String name) {
    this.name = name;
  }

  /** Registers a route; may be called before or after {@link #start(int)}. */
  public FakeHttpServer route(String method, String template, FakeHandler handler) {
    routes.add(new Route(method.toUpperCase(Locale.ROOT), template, split(template), handler));
    return this;
  }

  /** Binds 127.0.0.1 on {@code port} (0 = ephemeral) and starts serving. */
  /** The clock that stamps each request's arrival ({@link FakeRequest#receivedAt()}). */
  public void clock(Supplier<Instant> clock) {
    this.clock = java.util.Objects.requireNonNull(clock, "clock is null");
  }

  public synchronized FakeHttpServer start(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
    }
    // A pool, not the default single thread, so clients can test concurrency and latency.
    executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
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
    AtomicInteger n = calls.get(key(method.toUpperCase(Locale.ROOT), pathTemplate));
    return n == null ? 0 : n.get();
  }

  /** Every request received, whatever the outcome. */
  public int totalCalls() {
    return total.get();
  }

  /** Requests answered by an injected fault (failed or dropped). */
  public int faultedCalls() {
    return faulted.get();
  }

  /**
   * The routed requests received (method, path, template, headers, body), oldest first; at most the
   * last 10,000. Contract tests check what a client sent against the vendor's documented shape.
   */
  public List<FakeRequest> requests() {
    synchronized (journal) {
      return List.copyOf(journal);
    }
  }

  public void resetCounters() {
    synchronized (journal) {
      journal.clear();
    }
    calls.clear();
    total.set(0);
    faulted.set(0);
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    Instant received = clock.get();
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String rawPath = exchange.getRequestURI().getRawPath();
    String[] segments = split(rawPath);
    Optional<Match> match = match(method, segments);
    String template = match.map(m -> m.route().template()).orElse("?");
    total.incrementAndGet();
    calls.computeIfAbsent(key(method, template), k -> new AtomicInteger()).incrementAndGet();
    try (exchange) {
      Optional<Faults.Fault> fault = faults.poll();
      delay(faults.currentLatency());
      if (fault.isPresent()) {
        faulted.incrementAndGet();
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
      Optional<Match> match,
      Instant received)
      throws IOException {
    if (match.isEmpty()) {
      TreeSet<String> allowed = allowedMethods(segments);
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
    Route route = match.get().route();
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
    synchronized (journal) {
      if (journal.size() == JOURNAL_SIZE) {
        journal.removeFirst();
      }
      journal.addLast(request);
    }
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

  private Optional<Match> match(String method, String[] segments) {
    Match best = null;
    int bestLiterals = -1;
    for (Route route : routes) {
      if (!route.method().equals(method)) {
        continue;
      }
      Map<String, String> params = bind(route.segments(), segments);
      int literals = literalCount(route.segments());
      if (params != null && literals > bestLiterals) {
        best = new Match(route, params);
        bestLiterals = literals;
      }
    }
    return Optional.ofNullable(best);
  }

  private TreeSet<String> allowedMethods(String[] segments) {
    TreeSet<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      if (bind(route.segments(), segments) != null) {
        allowed.add(route.method());
      }
    }
    return allowed;
  }

  /** Path params if the raw segments fit the template, else null. */
  private static Map<String, String> bind(String[] template, String[] raw) {
    if (template.length != raw.length) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      String value = decode(raw[i]);
      if (t.startsWith("{") && t.endsWith("}")) {
        params.put(t.substring(1, t.length() - 1), value);
      } else if (!t.equals(value)) {
        return null;
      }
    }
    return params;
  }

  /** Percent-decodes a path segment; unlike form decoding, a literal '+' stays a '+'. */
  static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static int literalCount(String[] template) {
    int n = 0;
    for (String s : template) {
      if (!s.startsWith("{")) {
        n++;
      }
    }
    return n;
  }

  private static String[] split(String path) {
    List<String> parts = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        parts.add(s);
      }
    }
    return parts.toArray(new String[0]);
  }

  private static String key(String method, String template) {
    return method + " " + template;
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

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "fake-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
