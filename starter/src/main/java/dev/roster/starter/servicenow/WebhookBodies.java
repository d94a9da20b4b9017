package dev.roster.starter.servicenow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a webhook body without ever holding more than the limit in memory. */
public final class WebhookBodies {

  /**
   * The body bytes, or a TOO_LARGE rejection as soon as the declared length or the bytes read
   * exceed {@code maxBytes}.
   *
   * @param declaredLength the Content-Length, or -1 when unknown (chunked)
   */
  public static byte[] read(InputStream in, long declaredLength, int maxBytes) throws IOException {
    if (declaredLength > maxBytes) {
      throw tooLarge(maxBytes);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      if (out.size() + n > maxBytes) {
        throw tooLarge(maxBytes);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  static WebhookRejection tooLarge(int maxBytes) {
    return new WebhookRejection(
        WebhookRejection.Kind.TOO_LARGE, "body: larger than " + maxBytes + " bytes");
  }

  private WebhookBodies() {}
}
