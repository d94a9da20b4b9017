package dev.roster.activities.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** Builds the OkHttp client of one vendor account. */
public final class VendorHttp {

  /**
   * Client timeouts. The call timeout bounds one whole request; keep it below the activity's
   * start-to-close timeout so Temporal sees a VendorUnavailable instead of an activity timeout.
   */
  public record Timeouts(Duration connect, Duration read, Duration call) {
    public static final Timeouts DEFAULT =
        new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(30));

    public Timeouts {
      requireNonNull(connect, "connect is null");
      requireNonNull(read, "read is null");
      requireNonNull(call, "call is null");
    }
  }

  /** A client with {@link Timeouts#DEFAULT}. */
  public static OkHttpClient newClient(String vendor, List<String> requestIdHeaders) {
    return newClient(vendor, requestIdHeaders, Timeouts.DEFAULT);
  }

  /**
   * How long an idle pooled connection is kept. Servers close idle keep-alive connections on their
   * own timers (Apache httpd and Node.js after 5 s, the JDK's HTTP server after 30 s, nginx 75 s,
   * load balancers around 60 s), and a request written into one they closed fails. Kept below the
   * shortest of those, so Roster closes first; {@link StaleConnectionRetry} covers the rest (a
   * server that closes sooner, or a close racing a request).
   */
  public static final Duration IDLE_KEEP_ALIVE = Duration.ofSeconds(4);

  /** Idle connections kept per client; one vendor account rarely has more calls in flight. */
  static final int MAX_IDLE_CONNECTIONS = 5;

  /**
   * A new client for one vendor account. OkHttp's own retry is off: Temporal's retry policy is the
   * retry layer (ARCHITECTURE.md §5), so a retried POST cannot double-send an invitation behind the
   * workflow's back. The one exception is a request that met a stale pooled connection before the
   * vendor could have read it, sent once more on a fresh connection ({@link StaleConnectionRetry}).
   *
   * @param requestIdHeaders response headers carrying the vendor's request id, for the log line
   */
  public static OkHttpClient newClient(
      String vendor, List<String> requestIdHeaders, Timeouts timeouts) {
    return newClient(vendor, requestIdHeaders, timeouts, IDLE_KEEP_ALIVE);
  }

  /**
   * As {@link #newClient(String, List, Timeouts)} with another idle keep-alive (tests shorten it).
   */
  public static OkHttpClient newClient(
      String vendor, List<String> requestIdHeaders, Timeouts timeouts, Duration keepAlive) {
    requireNonNull(timeouts, "timeouts is null");
    ConnectionPool pool =
        new ConnectionPool(MAX_IDLE_CONNECTIONS, keepAlive.toMillis(), TimeUnit.MILLISECONDS);
    StaleConnectionRetry stale = new StaleConnectionRetry(pool);
    return new OkHttpClient.Builder()
        .connectionPool(pool)
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .connectTimeout(timeouts.connect())
        .readTimeout(timeouts.read())
        .writeTimeout(timeouts.read())
        .callTimeout(timeouts.call())
        // The log line first (outermost), so it reports the outcome after the stale retry.
        .addInterceptor(new RedactingLogInterceptor(vendor, requestIdHeaders))
        .addInterceptor(stale.retry())
        .addNetworkInterceptor(stale.detect())
        .build();
  }

  private VendorHttp() {}
}
