package dev.roster.activities.brevo;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.VendorUnavailable;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Downloads a Brevo process's report from its {@code export_url}. Brevo serves such files from
 * another host than its API (its spec's example: {@code https://export-url.com/upload/file.csv},
 * written as an HTML link), so the download goes to any host, never carries the API key, and takes
 * no permit from the API's budgets. It must be {@code https}; plain {@code http} is accepted only
 * from a loopback host and only when the API itself is plain http on loopback, which is the sandbox
 * of dev, demo and tests. At most {@value #MAX_BYTES} bytes, within {@link #TIMEOUT}. Thread-safe.
 */
final class BrevoExports {
  /** A report lists the refused rows of one import job (at most a few thousand lines). */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  /** The whole download; below the activity's start-to-close timeout. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final Pattern HREF =
      Pattern.compile("href\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);
  private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

  /** The report cannot be had (gone, refused, too large, not https): not worth a retry. */
  static final class Unusable extends RuntimeException {
    Unusable(String message) {
      super(message);
    }
  }

  private final OkHttpClient client;
  private final boolean plainLoopback;

  /**
   * @param http the account's client (its log interceptor; no API key is ever added here)
   * @param apiBase the account's API base URL, which decides whether plain http is acceptable
   */
  BrevoExports(OkHttpClient http, HttpUrl apiBase) {
    this.client =
        requireNonNull(http, "http is null")
            .newBuilder()
            .followRedirects(true)
            // Never from https down to http.
            .followSslRedirects(false)
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(20))
            .callTimeout(TIMEOUT)
            .build();
    this.plainLoopback = !apiBase.isHttps() && loopback(apiBase.host());
  }

  /**
   * The report's text.
   *
   * @throws Unusable when the URL is unusable or not allowed, or the file is gone, refused or too
   *     large
   * @throws VendorUnavailable when the file host failed, throttled or timed out (retryable)
   */
  String fetch(String exportUrl) {
    HttpUrl url = url(exportUrl);
    if (url == null) {
      throw new Unusable("export_url is not a URL");
    }
    if (!url.isHttps() && !(plainLoopback && loopback(url.host()))) {
      throw new Unusable("export_url is not https (" + url.host() + ")");
    }
    Request request = new Request.Builder().url(url).get().build();
    try (Response response = client.newCall(request).execute()) {
      int status = response.code();
      if (status == 429 || status == 408 || status >= 500) {
        throw new VendorUnavailable(
            BrevoClient.VENDOR, "getProcessReport", status, null, "report host answered " + status);
      }
      if (status != 200) {
        throw new Unusable("report host answered " + status);
      }
      long length = response.body().contentLength();
      BufferedSource body = response.body().source();
      if (length > MAX_BYTES || body.request(MAX_BYTES + 1)) {
        throw new Unusable("report is larger than " + MAX_BYTES + " bytes");
      }
      return body.readUtf8();
    } catch (IOException e) {
      throw new VendorUnavailable(
          BrevoClient.VENDOR,
          "getProcessReport",
          0,
          null,
          "report download failed: " + e.getClass().getSimpleName(),
          e);
    }
  }

  /** The URL itself, or the {@code href} of the HTML link Brevo's example shows; null if none. */
  static HttpUrl url(String exportUrl) {
    if (exportUrl == null) {
      return null;
    }
    String text = exportUrl.trim();
    Matcher link = HREF.matcher(text);
    if (link.find()) {
      text = link.group(1).replace("&amp;", "&").trim();
    }
    return HttpUrl.parse(text);
  }

  private static boolean loopback(String host) {
    return host.equals("localhost") || host.equals("::1") || LOOPBACK_V4.matcher(host).matches();
  }
}
