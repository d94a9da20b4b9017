package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
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
      throw tooLarge(shown);
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
    try {
      OpenedSource opened = accept(response, byteOffset, shown);
      log.info(
          "import source opened source={} status={} offset={} length={}",
          shown,
          response.code(),
          byteOffset,
          opened.length());
      return opened;
    } catch (RuntimeException | IOException e) {
      response.close();
      if (e instanceof ImportFailed failed) {
        throw failed;
      }
      throw new ImportFailed(ImportFailed.Kind.SOURCE_UNAVAILABLE, "cannot read " + shown, e);
    }
  }

  private OpenedSource accept(Response response, long byteOffset, String shown) throws IOException {
    int status = response.code();
    ResponseBody body = response.body();
    String version = version(response);
    if (status == 416 && byteOffset > 0) {
      // Nothing left after the offset: the previous chunk ended at the end of the file.
      response.close();
      return new OpenedSource(InputStream.nullInputStream(), byteOffset, version);
    }
    if (status != 200 && status != 206) {
      throw statusFailure(status, shown);
    }
    long contentLength = body.contentLength();
    long start = status == 206 ? rangeStart(response) : 0;
    if (status == 206 && start != byteOffset) {
      throw new ImportFailed(
          ImportFailed.Kind.SOURCE_UNAVAILABLE,
          "server answered range from " + start + " instead of " + byteOffset + ": " + shown);
    }
    long length = contentLength < 0 ? -1 : start + contentLength;
    if (length > config.maxBytes()) {
      throw tooLarge(shown);
    }
    InputStream stream = new LimitedStream(body.byteStream(), config.maxBytes() - start, shown);
    if (start < byteOffset) {
      stream.skipNBytes(byteOffset - start);
    }
    return new OpenedSource(stream, length, version);
  }

  private static long rangeStart(Response response) {
    String range = response.header("Content-Range", "");
    // "bytes 100-999/1000"
    int space = range.indexOf(' ');
    int dash = range.indexOf('-');
    try {
      return Long.parseLong(range.substring(space + 1, dash).trim());
    } catch (RuntimeException e) {
      return -1;
    }
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

  private ImportFailed tooLarge(String shown) {
    return new ImportFailed(
        ImportFailed.Kind.SOURCE_TOO_LARGE,
        "import source is larger than the limit of " + config.maxBytes() + " bytes: " + shown);
  }

  /** Fails the read once more than {@code remaining} bytes arrive, whatever the headers said. */
  private final class LimitedStream extends FilterInputStream {
    private long remaining;
    private final String shown;

    LimitedStream(InputStream in, long remaining, String shown) {
      super(in);
      this.remaining = remaining;
      this.shown = shown;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long n) {
      remaining -= n;
      if (remaining < 0) {
        throw tooLarge(shown);
      }
    }
  }
}
