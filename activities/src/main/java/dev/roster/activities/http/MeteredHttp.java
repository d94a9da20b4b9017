package dev.roster.activities.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

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
  /** Whether the vendor this thread called last has been answering lately ({@link #answering}). */
  private static final ThreadLocal<Boolean> ANSWERING = new ThreadLocal<>();

  /** Shorter waits are the lock, not the budget. */
  private static final long WAIT_WORTH_RECORDING = 1_000_000;

  private final OkHttpClient client;

  private MeteredHttp(OkHttpClient client) {
    this.client = client;
  }

  /**
   * {@code http} (sharing its connection pool) with the network interceptor that stamps permits and
   * records whether the vendor answered.
   */
  public static MeteredHttp over(OkHttpClient http) {
    requireNonNull(http, "http is null");
    RecentAnswers answers = new RecentAnswers();
    Interceptor metering =
        chain -> {
          RateBudget.Grant grant = chain.request().tag(RateBudget.Grant.class);
          if (grant != null) {
            grant.stamp();
          }
          boolean answered = false;
          try {
            Response response = chain.proceed(chain.request());
            answered = response.code() < 500;
            return response;
          } finally {
            if (grant != null) {
              grant.stamp();
            }
            answers.record(answered);
            ANSWERING.set(answers.mostlyAnswered());
          }
        };
    Interceptor measuring =
        chain -> {
          RateBudget.Permit permit = chain.request().tag(RateBudget.Permit.class);
          if (permit == null) {
            return chain.proceed(chain.request());
          }
          long start = System.nanoTime();
          try {
            Response response = chain.proceed(chain.request());
            VendorCallMetrics.call(
                permit, VendorCallMetrics.outcome(response.code()), System.nanoTime() - start);
            return response;
          } catch (IOException e) {
            VendorCallMetrics.call(permit, "network", System.nanoTime() - start);
            throw e;
          }
        };
    return new MeteredHttp(
        http.newBuilder().addInterceptor(measuring).addNetworkInterceptor(metering).build());
  }

  /**
   * Whether the vendor account this thread called last answered most of its recent calls; true when
   * this thread has made no call. A failure from a vendor that is answering is a passing one
   * ({@link ActivityFailures} retries it soon), from one that is not, an outage to back off from.
   */
  public static boolean answering() {
    Boolean answering = ANSWERING.get();
    return answering == null || answering;
  }

  /** Sets what {@link #answering} says on this thread, for tests. */
  static void answering(boolean answering) {
    ANSWERING.set(answering);
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
    long start = System.nanoTime();
    RateBudget.Grant grant;
    try {
      grant = permit.budget().acquire(permit.operation());
    } catch (RateLimited e) {
      VendorCallMetrics.deferred(permit);
      throw e;
    }
    long waited = System.nanoTime() - start;
    if (waited >= WAIT_WORTH_RECORDING) {
      VendorCallMetrics.budgetWait(permit, waited);
    }
    return client.newCall(request.newBuilder().tag(RateBudget.Grant.class, grant).build());
  }

  /** The underlying client, e.g. for calls that need no permit. */
  public OkHttpClient client() {
    return client;
  }
}
