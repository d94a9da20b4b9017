package dev.roster.starter.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Answers of the HTTP service's endpoints: a JSON body, and a refusal that still arrives. */
final class JsonReplies {
  /** How much of a refused body is read and dropped so that the answer arrives (1 MiB). */
  static final int DRAIN_LIMIT = 1024 * 1024;

  /** Sends {@code json} with {@code status}, first draining a refused request's body. */
  static void reply(HttpExchange exchange, int status, byte[] json) throws IOException {
    send(exchange, status, "application/json", json);
  }

  /** Sends {@code json} text with {@code status}. */
  static void reply(HttpExchange exchange, int status, String json) throws IOException {
    reply(exchange, status, json.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends {@code body} as {@code contentType} with {@code status}, draining a refused request. */
  static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    if (status >= 400) {
      drain(exchange.getRequestBody());
    }
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * Reads what is left of a refused request's body (up to {@value #DRAIN_LIMIT} bytes) and drops
   * it: a server that closes a connection with unread bytes resets it, and the sender would see a
   * dropped connection instead of the refusal.
   */
  private static void drain(InputStream body) {
    byte[] buffer = new byte[8192];
    try {
      long left = DRAIN_LIMIT;
      int n;
      while (left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
        left -= n;
      }
    } catch (IOException e) {
      // The sender stopped sending: nothing left to drain.
    }
  }

  private JsonReplies() {}
}
