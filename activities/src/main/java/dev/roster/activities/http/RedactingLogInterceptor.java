package dev.roster.activities.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per vendor call: method, path (email segments masked), status, duration and the
 * vendor's request id. Never logs bodies or query strings; header dumps (DEBUG) redact credentials
 * and cookies.
 */
public final class RedactingLogInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(RedactingLogInterceptor.class);

  /**
   * Header names that may carry a credential, whatever the vendor calls its own (api-key,
   * X-Postbird-Key, Authorization, X-Auth-Token, Cookie, ...): matched by what the name says, so a
   * new vendor's header is hidden without a list to keep.
   */
  private static final Pattern SENSITIVE =
      Pattern.compile("auth|key|token|secret|cookie|session|password|signature|credential");

  private static final String LINE =
      "vendor call vendor={} method={} path={} status={} durationMs={} requestId={}";

  private final String vendor;
  private final List<String> requestIdHeaders;

  /**
   * @param vendor vendor name for the log line
   * @param requestIdHeaders response headers that may carry the vendor's request id, first wins
   */
  public RedactingLogInterceptor(String vendor, List<String> requestIdHeaders) {
    this.vendor = requireNonNull(vendor, "vendor is null");
    this.requestIdHeaders =
        List.copyOf(requireNonNull(requestIdHeaders, "requestIdHeaders is null"));
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String path = EmailMask.maskPath(request.url().pathSegments());
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      log.warn(
          "vendor call failed vendor={} method={} path={} durationMs={} error={}",
          vendor,
          request.method(),
          path,
          elapsedMillis(start),
          e.getClass().getSimpleName());
      throw e;
    }
    long durationMs = elapsedMillis(start);
    String requestId = requestId(response.headers(), requestIdHeaders);
    int status = response.code();
    if (status == 429 || status >= 500) {
      log.warn(LINE, vendor, request.method(), path, status, durationMs, requestId);
    } else if (status >= 400) {
      log.info(LINE, vendor, request.method(), path, status, durationMs, requestId);
    } else {
      // Successful calls are routine; the activity logs the business event.
      log.debug(LINE, vendor, request.method(), path, status, durationMs, requestId);
    }
    if (log.isDebugEnabled()) {
      log.debug(
          "vendor call headers vendor={} requestHeaders={} responseHeaders={}",
          vendor,
          redacted(request.headers()),
          redacted(response.headers()));
    }
    return response;
  }

  /** The first present header among {@code names}, or null. */
  public static String requestId(Headers headers, List<String> names) {
    for (String name : names) {
      String value = headers.get(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  /** Header names and values with credentials and cookies replaced by {@code [REDACTED]}. */
  public static String redacted(Headers headers) {
    StringJoiner out = new StringJoiner(", ", "{", "}");
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      boolean secret = SENSITIVE.matcher(name.toLowerCase(Locale.ROOT)).find();
      out.add(name + "=" + (secret ? "[REDACTED]" : headers.value(i)));
    }
    return out.toString();
  }

  private static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
