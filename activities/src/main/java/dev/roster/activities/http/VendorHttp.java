package dev.roster.activities.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
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
   * A new client for one vendor account. It never retries on its own: Temporal's retry policy is
   * the only retry layer (ARCHITECTURE.md §5), so a retried POST cannot double-send an invitation
   * behind the workflow's back.
   *
   * @param requestIdHeaders response headers carrying the vendor's request id, for the log line
   */
  public static OkHttpClient newClient(
      String vendor, List<String> requestIdHeaders, Timeouts timeouts) {
    requireNonNull(timeouts, "timeouts is null");
    return new OkHttpClient.Builder()
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .connectTimeout(timeouts.connect())
        .readTimeout(timeouts.read())
        .writeTimeout(timeouts.read())
        .callTimeout(timeouts.call())
        .addInterceptor(new RedactingLogInterceptor(vendor, requestIdHeaders))
        .build();
  }

  private VendorHttp() {}
}
