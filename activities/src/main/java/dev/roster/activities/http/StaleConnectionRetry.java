package dev.roster.activities.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a request once, on a fresh connection, when it failed on a pooled connection the server
 * had already closed: the server closes a keep-alive connection after its idle timeout, and the
 * next request written into it reads "unexpected end of stream" (or a reset) before any response.
 * That is not the vendor failing, so it must not become a VendorUnavailable, a Temporal retry and a
 * WARN stack trace.
 *
 * <p>OkHttp's own retry stays off ({@code retryOnConnectionFailure(false)}), because it would also
 * resend a POST the vendor may have applied. This retry is narrower, after RFC 9112 §9.3.1: only on
 * a connection that had carried a request before (a fresh connection failing is the server's
 * failure), only for an I/O failure before any response arrived (never a timeout: a slow server may
 * be working on it), and only when the request cannot have been applied twice: an idempotent method
 * (GET, HEAD, PUT, DELETE, OPTIONS, RFC 9110 §9.2.2), or a POST/PATCH whose body never finished
 * writing, so the vendor never held a whole request. A POST written in full and then met by a
 * closed connection is left to the step's own retry: every vendor step checks before it writes (an
 * invitation that exists is not sent again, an upsert is an upsert), so a resend there is harmless,
 * but it is the step that decides, not the transport. OkHttp already discards a pooled connection
 * whose close it has seen before it sends a POST (its extensive health check); a GET skips that
 * check, which is why stale connections hit reads first.
 */
final class StaleConnectionRetry {
  private static final Logger log = LoggerFactory.getLogger(StaleConnectionRetry.class);
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

  /** A failure on a reused connection that is safe to send again; unwrapped if it repeats. */
  static final class StaleConnection extends IOException {
    StaleConnection(IOException cause) {
      super("stale pooled connection: " + cause.getMessage(), cause);
    }
  }

  private final ConnectionPool pool;
  private final Set<Connection> used = Collections.newSetFromMap(new WeakHashMap<>());

  StaleConnectionRetry(ConnectionPool pool) {
    this.pool = pool;
  }

  /** The application interceptor: the one retry, after evicting the pool's idle connections. */
  Interceptor retry() {
    return chain -> {
      Request request = chain.request();
      try {
        return chain.proceed(request);
      } catch (StaleConnection stale) {
        log.info(
            "stale pooled connection, sending again on a fresh one method={} path={} error={}",
            request.method(),
            EmailMask.maskPath(request.url().pathSegments()),
            stale.getCause().getClass().getSimpleName());
        // The other idle connections went quiet at the same time and are likely closed too.
        pool.evictAll();
        try {
          return chain.proceed(request);
        } catch (StaleConnection again) {
          throw (IOException) again.getCause();
        }
      }
    };
  }

  /** The network interceptor: tells a failure on a reused connection from any other. */
  Interceptor detect() {
    return chain -> {
      Connection connection = chain.connection();
      boolean reused;
      synchronized (used) {
        reused = connection != null && !used.add(connection);
      }
      Request request = chain.request();
      WatchedBody body = request.body() == null ? null : new WatchedBody(request.body());
      if (body != null) {
        request = request.newBuilder().method(request.method(), body).build();
      }
      try {
        return chain.proceed(request);
      } catch (IOException e) {
        if (reused && !(e instanceof InterruptedIOException) && resendable(request, body)) {
          throw new StaleConnection(e);
        }
        throw e;
      }
    };
  }

  private static boolean resendable(Request request, WatchedBody body) {
    return IDEMPOTENT.contains(request.method()) || (body != null && !body.written);
  }

  /** A request body that records whether it was written in full. */
  private static final class WatchedBody extends RequestBody {
    private final RequestBody body;
    private volatile boolean written;

    WatchedBody(RequestBody body) {
      this.body = body;
    }

    @Override
    public MediaType contentType() {
      return body.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return body.contentLength();
    }

    @Override
    public boolean isOneShot() {
      return body.isOneShot();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      body.writeTo(sink);
      written = true;
    }
  }
}
