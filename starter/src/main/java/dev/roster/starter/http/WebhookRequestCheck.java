package dev.roster.starter.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a webhook delivery must be before its body is read: POSTed to the exact path, with no query
 * string, as {@code application/json} (UTF-8). Each refusal carries the HTTP status to answer.
 */
final class WebhookRequestCheck {

  /** A refusal: the status to answer with, why, and the delivery metric's result label. */
  record Refusal(int status, String error, String result) {}

  /**
   * @param rawPath the request URI's raw (undecoded) path
   * @param rawQuery the raw query, or null
   * @param contentTypes every Content-Type header value (null or empty when absent)
   */
  static Optional<Refusal> check(
      String method, String path, String rawPath, String rawQuery, List<String> contentTypes) {
    // The service routes by prefix: /webhooks/servicenowX and /webhooks/servicenow%00 reach
    // this handler too. Only the exact path, undecoded, without a query, is the webhook.
    if (!path.equals(rawPath) || rawQuery != null) {
      return Optional.of(new Refusal(404, "no such endpoint", "not_found"));
    }
    if (!"POST".equals(method)) {
      return Optional.of(new Refusal(405, "use POST", "method_not_allowed"));
    }
    if (contentTypes == null || contentTypes.size() != 1 || !isJson(contentTypes.get(0))) {
      return Optional.of(
          new Refusal(
              415,
              "Content-Type: must be application/json (charset utf-8, if any)",
              "unsupported_media_type"));
    }
    return Optional.empty();
  }

  /** {@code application/json}, optionally with {@code charset=utf-8} and nothing else. */
  static boolean isJson(String contentType) {
    String[] parts = contentType.split(";", -1);
    if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("application/json")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
      if (!parameter.equals("charset=utf-8") && !parameter.equals("charset=\"utf-8\"")) {
        return false;
      }
    }
    return true;
  }

  private WebhookRequestCheck() {}
}
