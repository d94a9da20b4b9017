package dev.roster.activities.servicenow;

import dev.roster.activities.http.Rejected;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.Response;

/** Reading an attachment went past the configured size limit. */
public final class AttachmentTooLarge extends IOException {
  AttachmentTooLarge(long maxBytes) {
    super("attachment exceeds " + maxBytes + " bytes");
  }

  /**
   * The response body as a stream that fails past {@code maxBytes} and closes the response when
   * closed. A declared Content-Length over the limit fails at once, before any byte is read.
   */
  static InputStream limit(Response response, long maxBytes, String vendor) {
    long declared = response.body().contentLength();
    if (declared > maxBytes) {
      response.close();
      throw new Rejected(
          vendor,
          "downloadAttachment",
          response.code(),
          null,
          "attachment of " + declared + " bytes exceeds the limit of " + maxBytes);
    }
    return new FilterInputStream(response.body().byteStream()) {
      private long read;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n > 0) {
          count(n);
        }
        return n;
      }

      private void count(int n) throws IOException {
        read += n;
        if (read > maxBytes) {
          throw new AttachmentTooLarge(maxBytes);
        }
      }

      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          response.close();
        }
      }
    };
  }
}
