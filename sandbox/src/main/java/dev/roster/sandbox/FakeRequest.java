package dev.roster.sandbox;

import com.sun.net.httpserver.Headers;
import java.time.Instant;
import java.util.Map;

/**
 * One routed request as a handler sees it.
 *
 * @param method upper-case HTTP method
 * @param path raw (still percent-encoded) request path
 * @param template the matched route template, e.g. {@code /v3/contacts/{identifier}}
 * @param params decoded path parameters by name
 * @param query raw query string, or null
 * @param headers request headers (case-insensitive lookup)
 * @param body request body bytes (empty when none)
 * @param receivedAt when the request arrived on the fake's clock, before its body was read: a
 *     vendor counts a request against its rate limit when it arrives, and a large body takes a
 *     while to read
 */
public record FakeRequest(
    String method,
    String path,
    String template,
    Map<String, String> params,
    String query,
    Headers headers,
    byte[] body,
    Instant receivedAt) {

  public String param(String name) {
    return params.get(name);
  }

  /** First value of a header, or null. */
  public String header(String name) {
    return headers.getFirst(name);
  }
}
