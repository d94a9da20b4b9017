package dev.roster.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A vendor-agnostic HTTP proxy on 127.0.0.1 that sits between a client and one fake (or any HTTP
 * server) and faults a fraction of the requests it relays ({@link ProxyFault}): 429s with and
 * without a delay header, 503, connections reset before and after forwarding, 3 to 5 seconds of
 * latency, malformed and truncated 2xx answers. The choices come from one seeded random sequence,
 * so a run's mix of faults is the same each time (which request meets which fault still depends on
 * the order requests arrive in). It counts what it did. Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {
  private static final int THREADS = 64;
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "content-length",
          "expect",
          "host",
          "keep-alive",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade");

  /**
   * @param fraction of requests faulted, 0 to 1
   * @param seed of the random sequence that picks which requests, which fault and what latency
   * @param faults the faults to pick from, uniformly
   * @param retryAfterSeconds what {@link ProxyFault#RATE_LIMITED_WITH_RETRY_AFTER} asks for
   */
  public record Options(
      double fraction,
      long seed,
      List<ProxyFault> faults,
      Duration minLatency,
      Duration maxLatency,
      int retryAfterSeconds) {
    public Options {
      if (fraction < 0 || fraction > 1) {
        throw new IllegalArgumentException("fraction must be within 0..1, got " + fraction);
      }
      faults = List.copyOf(faults);
      if (faults.isEmpty()) {
        throw new IllegalArgumentException("at least one fault");
      }
      Objects.requireNonNull(minLatency, "minLatency");
      Objects.requireNonNull(maxLatency, "maxLatency");
    }

    /** Every fault, 3 to 5 s of latency, {@code Retry-After: 1}. */
    public static Options of(double fraction, long seed) {
      return new Options(
          fraction,
          seed,
          Arrays.asList(ProxyFault.values()),
          Duration.ofSeconds(3),
          Duration.ofSeconds(5),
          1);
    }
  }

  private final URI target;
  private final Options options;
  private final Random random;
  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpClient forward;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger forwarded = new AtomicInteger();
  private final Map<ProxyFault, AtomicInteger> counts = new EnumMap<>(ProxyFault.class);
  private volatile double fraction;

  private FaultProxy(URI target, Options options) {
    this.target = target;
    this.options = options;
    this.random = new Random(options.seed());
    this.fraction = options.fraction();
    for (ProxyFault f : ProxyFault.values()) {
      counts.put(f, new AtomicInteger());
    }
    this.forward =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    FakeHttpServer.noDelay();
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind 127.0.0.1", e);
    }
    executor = Executors.newFixedThreadPool(THREADS, FakeHttpServer.daemonThreads("fault-proxy"));
    server.setExecutor(executor);
    server.createContext("/", this::relay);
    server.start();
  }

  /**
   * A proxy in front of {@code targetBaseUrl}'s scheme, host and port (its path is not used: the
   * client's paths pass through as they are).
   */
  public static FaultProxy start(String targetBaseUrl, Options options) {
    URI uri = URI.create(targetBaseUrl);
    return new FaultProxy(URI.create(uri.getScheme() + "://" + uri.getAuthority()), options);
  }

  /** {@code url} (a URL of the target) with the proxy's host and port instead. */
  public String through(String url) {
    URI uri = URI.create(url);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Changes the fraction of requests faulted from now on (0 relays everything faithfully). */
  public void fraction(double fraction) {
    this.fraction = fraction;
  }

  /** Requests received. */
  public int requests() {
    return requests.get();
  }

  /** Requests the target received. */
  public int forwarded() {
    return forwarded.get();
  }

  /** How many requests met {@code fault}. */
  public int count(ProxyFault fault) {
    return counts.get(fault).get();
  }

  /** Every fault with its count. */
  public Map<ProxyFault, Integer> counts() {
    Map<ProxyFault, Integer> out = new EnumMap<>(ProxyFault.class);
    counts.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** One request's lot: a fault or none, and the latency a SLOW one waits. */
  private record Draw(ProxyFault fault, Duration latency) {}

  /** The next lot of the seeded sequence. */
  private synchronized Draw draw() {
    if (random.nextDouble() >= fraction) {
      return new Draw(null, Duration.ZERO);
    }
    ProxyFault fault = options.faults().get(random.nextInt(options.faults().size()));
    long spread = options.maxLatency().minus(options.minLatency()).toMillis();
    return new Draw(fault, options.minLatency().plusMillis((long) (random.nextDouble() * spread)));
  }

  private void relay(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    Draw draw = draw();
    ProxyFault fault = draw.fault();
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (fault != null && fault != ProxyFault.TRUNCATED_2XX) {
        counts.get(fault).incrementAndGet();
      }
      if (fault == null || fault.forwarded()) {
        if (fault == ProxyFault.SLOW) {
          pause(draw.latency());
        }
        HttpResponse<byte[]> answer = forward(exchange, body);
        if (fault == ProxyFault.RESET_AFTER_FORWARDING) {
          return;
        }
        byte[] bytes = answer.body();
        // Only a 2xx with a body can be cut short; anything else passes as it came.
        if (fault == ProxyFault.TRUNCATED_2XX
            && answer.statusCode() / 100 == 2
            && bytes.length > 1) {
          counts.get(fault).incrementAndGet();
          bytes = Arrays.copyOf(bytes, bytes.length / 2);
        }
        answer
            .headers()
            .map()
            .forEach(
                (name, values) -> {
                  if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().put(name, values);
                  }
                });
        write(exchange, answer.statusCode(), bytes);
        return;
      }
      switch (fault) {
        case RATE_LIMITED_WITH_RETRY_AFTER -> {
          exchange
              .getResponseHeaders()
              .set("Retry-After", Integer.toString(options.retryAfterSeconds()));
          write(exchange, 429, json("{\"message\":\"Too Many Requests\"}", exchange));
        }
        case RATE_LIMITED_BARE -> write(exchange, 429, new byte[0]);
        case UNAVAILABLE -> write(exchange, 503, json("{\"message\":\"unavailable\"}", exchange));
        case MALFORMED_2XX -> write(exchange, 200, json(Faults.UNREADABLE_BODY, exchange));
        default -> {
          // RESET_BEFORE_FORWARDING: closing before any response drops the connection.
        }
      }
    }
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
    URI uri = exchange.getRequestURI();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(target + uri.getRawPath() + query))
            .timeout(Duration.ofSeconds(30))
            .method(
                exchange.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
              }
            });
    try {
      HttpResponse<byte[]> answer =
          this.forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      forwarded.incrementAndGet();
      return answer;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted forwarding", e);
    }
  }

  private static byte[] json(String body, HttpExchange exchange) {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean noBody = body.length == 0 || status == 204 || status == 304;
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      exchange.getResponseBody().write(body);
    }
  }

  private static void pause(Duration latency) {
    try {
      Thread.sleep(latency.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
