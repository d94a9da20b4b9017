package dev.roster.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An immutable response a handler returns; the server writes it. */
public record FakeResponse(int status, Map<String, String> headers, byte[] body) {

  public FakeResponse {
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  public static FakeResponse json(int status, Object value) {
    return new FakeResponse(status, Map.of("Content-Type", "application/json"), Json.write(value));
  }

  public static FakeResponse empty(int status) {
    return new FakeResponse(status, Map.of(), new byte[0]);
  }

  public static FakeResponse raw(int status, Map<String, String> headers, String body) {
    return new FakeResponse(
        status, headers, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
  }

  /** Copy with extra headers; the extra ones win on a name clash. */
  public FakeResponse withHeaders(Map<String, String> extra) {
    Map<String, String> merged = new LinkedHashMap<>(headers);
    merged.putAll(extra);
    return new FakeResponse(status, merged, body);
  }
}
