package dev.roster.activities.http;

import static java.util.Objects.requireNonNull;

import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * A vendor account's OkHttp client under its rate budgets. A request tagged with a {@link
 * RateBudget.Permit} takes its permit in {@link #newCall}, before the call starts, so that a long
 * wait for a permit is not cut short by the call's own timeout and holds no pooled connection.
 *
 * <p>A network interceptor then moves the permit to when the request was written and, again, to
 * when its answer came (or the attempt failed). The vendor counts a request when it reaches its
 * edge, which is some time after we write it: measured on a loaded two-core machine, a few
 * milliseconds typically but up to several hundred when a thread waited for a core, far beyond the
 * window's 2% allowance, and requests written a window apart then reached the vendor closer
 * together and drew 429s. The answer can only come after the vendor counted the request, so a
 * permit counted from the answer can never be early, whatever the scheduling in between; it costs
 * each permit one round trip of its window, which matters only for windows of about a second.
 * Thread-safe.
 */
public final class MeteredHttp {
  private final OkHttpClient client;

  private MeteredHttp(OkHttpClient client) {
    this.client = client;
  }

  /** {@code http} (sharing its connection pool) with the stamping network interceptor. */
  public static MeteredHttp over(OkHttpClient http) {
    requireNonNull(http, "http is null");
    return new MeteredHttp(
        http.newBuilder()
            .addNetworkInterceptor(
                chain -> {
                  RateBudget.Grant grant = chain.request().tag(RateBudget.Grant.class);
                  if (grant == null) {
                    return chain.proceed(chain.request());
                  }
                  grant.stamp();
                  try {
                    return chain.proceed(chain.request());
                  } finally {
                    grant.stamp();
                  }
                })
            .build());
  }

  /**
   * A call for {@code request}, after taking the permit its {@link RateBudget.Permit} tag asks for
   * (a request without one goes unmetered).
   *
   * @throws RateLimited when the permit is too far away to wait for in-thread
   */
  public Call newCall(Request request) {
    RateBudget.Permit permit = request.tag(RateBudget.Permit.class);
    if (permit == null) {
      return client.newCall(request);
    }
    RateBudget.Grant grant = permit.budget().acquire(permit.operation());
    return client.newCall(request.newBuilder().tag(RateBudget.Grant.class, grant).build());
  }

  /** The underlying client, e.g. for calls that need no permit. */
  public OkHttpClient client() {
    return client;
  }
}
