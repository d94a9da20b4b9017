package dev.roster.activities.bulkimport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Positions a successful HTTP download (200, or 206 to a {@code Range: bytes=offset-} request) at
 * the byte offset a chunk resumes from, and keeps it within the size limit. Shared by every source
 * read over HTTP (URLs, ServiceNow attachments): a server may honour the range or ignore it and
 * send the whole body, which is then skipped ahead here.
 */
public final class PositionedDownload {

  /**
   * The response's body from {@code byteOffset} on. Closing the returned source closes the
   * response, and so does a failure here.
   *
   * @param response a 200 or 206 response to a GET that asked for {@code bytes=byteOffset-} (or for
   *     everything when {@code byteOffset} is 0)
   * @param maxBytes the largest source accepted, checked against Content-Length and while reading
   * @param version what identifies this content, or null
   * @param shown the source as logs and messages may show it
   * @throws ImportFailed {@code SOURCE_TOO_LARGE} over the limit, {@code SOURCE_UNAVAILABLE} when a
   *     206 starts elsewhere than asked or the body breaks off before the offset (the response is
   *     closed then); the stream throws {@code SOURCE_TOO_LARGE} when more bytes arrive than the
   *     limit allows
   */
  public static OpenedSource open(
      Response response, long byteOffset, long maxBytes, String version, String shown) {
    try {
      return position(response, byteOffset, maxBytes, version, shown);
    } catch (RuntimeException | IOException e) {
      response.close();
      if (e instanceof ImportFailed failed) {
        throw failed;
      }
      throw new ImportFailed(ImportFailed.Kind.SOURCE_UNAVAILABLE, "cannot read " + shown, e);
    }
  }

  private static OpenedSource position(
      Response response, long byteOffset, long maxBytes, String version, String shown)
      throws IOException {
    int status = response.code();
    if (status != 200 && status != 206) {
      throw new IllegalArgumentException("not a successful download: " + status);
    }
    ResponseBody body = response.body();
    long contentLength = body.contentLength();
    long start = status == 206 ? rangeStart(response) : 0;
    if (status == 206 && start != byteOffset) {
      throw new ImportFailed(
          ImportFailed.Kind.SOURCE_UNAVAILABLE,
          "server answered range from " + start + " instead of " + byteOffset + ": " + shown);
    }
    long length = contentLength < 0 ? -1 : start + contentLength;
    if (length > maxBytes) {
      throw tooLarge(maxBytes, shown);
    }
    InputStream stream = new LimitedStream(body.byteStream(), maxBytes, maxBytes - start, shown);
    if (start < byteOffset) {
      stream.skipNBytes(byteOffset - start);
    }
    return new OpenedSource(stream, length, version);
  }

  /** The failure for a source over the size limit. */
  public static ImportFailed tooLarge(long maxBytes, String shown) {
    return new ImportFailed(
        ImportFailed.Kind.SOURCE_TOO_LARGE,
        "import source is larger than the limit of " + maxBytes + " bytes: " + shown);
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

  /** Fails the read once more than {@code remaining} bytes arrive, whatever the headers said. */
  private static final class LimitedStream extends FilterInputStream {
    private final long maxBytes;
    private final String shown;
    private long remaining;

    LimitedStream(InputStream in, long maxBytes, long remaining, String shown) {
      super(in);
      this.maxBytes = maxBytes;
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
        throw tooLarge(maxBytes, shown);
      }
    }
  }

  private PositionedDownload() {}
}
