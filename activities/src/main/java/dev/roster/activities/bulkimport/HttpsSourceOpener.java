package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens {@link ImportSource.Https} sources with GET; a resumed read asks for {@code Range:
 * bytes=offset-} and skips ahead itself when the server ignores ranges. Logs never show the query
 * string (pre-signed URLs carry tokens there). Thread-safe.
 */
public final class HttpsSourceOpener implements SourceOpener {
  private static final Logger log = LoggerFactory.getLogger(HttpsSourceOpener.class);

  private final OkHttpClient client;
  private final HttpsSourceConfig config;

  /**
   * @param base a shared client; timeouts and redirect rules from {@code config} are applied
   */
  public HttpsSourceOpener(OkHttpClient base, HttpsSourceConfig config) {
    this.config = requireNonNull(config, "config is null");
    this.client =
        requireNonNull(base, "base is null")
            .newBuilder()
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            .callTimeout(config.callTimeout())
            // Redirects are common (pre-signed storage URLs) but never from https down to http.
            .followSslRedirects(false)
            .build();
  }

  @Override
  public OpenedSource open(ImportSource source, long byteOffset) {
    if (!(source instanceof ImportSource.Https https)) {
      throw new ImportFailed(ImportFailed.Kind.INVALID_SOURCE, "not a URL: " + source.describe());
    }
    HttpUrl url = HttpUrl.get(https.url());
    String shown = https.describe();
    if (!url.isHttps() && !config.allowPlainHttp()) {
      throw new ImportFailed(
          ImportFailed.Kind.INVALID_SOURCE, "only https URLs are allowed for imports: " + shown);
    }
    if (byteOffset > config.maxBytes()) {
      throw PositionedDownload.tooLarge(config.maxBytes(), shown);
    }
    Request.Builder request = new Request.Builder().url(url).get();
    // Identity encoding: OkHttp's transparent gzip would make byte offsets meaningless.
    request.header("Accept-Encoding", "identity");
    if (byteOffset > 0) {
      request.header("Range", "bytes=" + byteOffset + "-");
    }
    Response response;
    try {
      response = client.newCall(request.build()).execute();
    } catch (IOException e) {
      log.warn("import source unreachable source={} error={}", shown, e.getClass().getSimpleName());
      throw new ImportFailed(ImportFailed.Kind.SOURCE_UNAVAILABLE, "cannot reach " + shown, e);
    }
    int status = response.code();
    if (status == 416 && byteOffset > 0) {
      // Nothing left after the offset: the previous chunk ended at the end of the file.
      response.close();
      return new OpenedSource(InputStream.nullInputStream(), byteOffset, version(response));
    }
    if (status != 200 && status != 206) {
      response.close();
      throw statusFailure(status, shown);
    }
    OpenedSource opened =
        PositionedDownload.open(response, byteOffset, config.maxBytes(), version(response), shown);
    log.info(
        "import source opened source={} status={} offset={} length={}",
        shown,
        status,
        byteOffset,
        opened.length());
    return opened;
  }

  private static String version(Response response) {
    String etag = response.header("ETag");
    if (etag != null) {
      // A weak and a strong validator for the same content differ only in the W/ prefix.
      return etag.startsWith("W/") ? etag.substring(2) : etag;
    }
    return response.header("Last-Modified");
  }

  private static ImportFailed statusFailure(int status, String shown) {
    String message = "GET " + shown + " answered " + status;
    if (status == 404 || status == 410) {
      return new ImportFailed(ImportFailed.Kind.SOURCE_NOT_FOUND, message);
    }
    if (status == 401 || status == 403) {
      return new ImportFailed(ImportFailed.Kind.SOURCE_ACCESS_DENIED, message);
    }
    if (status == 408 || status == 429 || status >= 500) {
      return new ImportFailed(ImportFailed.Kind.SOURCE_UNAVAILABLE, message);
    }
    return new ImportFailed(ImportFailed.Kind.INVALID_SOURCE, message);
  }
}
