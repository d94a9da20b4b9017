package dev.roster.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Minimal OkHttp wrapper: real HTTP calls, JSON bodies, every response fully read. */
public final class TestHttp {
  private static final MediaType JSON = MediaType.get("application/json");

  private static JsonNode parse(String text) {
    try {
      return Json.read(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      return null; // injected faults may carry non-JSON bodies; tests then read text
    }
  }

  /** A fully read response. {@code json} is an empty object for an empty body, null if not JSON. */
  public record Reply(int status, Map<String, String> headers, String text, JsonNode json) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  // No silent retries: a dropped connection must surface to the test as an IOException.
  private final OkHttpClient client =
      new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private final String baseUrl;
  private final String apiKey;

  /**
   * @param apiKey sent as {@code api-key} unless null
   */
  public TestHttp(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  public TestHttp withKey(String key) {
    return new TestHttp(baseUrl, key);
  }

  public Reply get(String path) throws IOException {
    return call("GET", path, null);
  }

  public Reply post(String path, Object body) throws IOException {
    return call("POST", path, body);
  }

  public Reply put(String path, Object body) throws IOException {
    return call("PUT", path, body == null ? Map.of() : body);
  }

  public Reply delete(String path) throws IOException {
    return call("DELETE", path, null);
  }

  public Reply call(String method, String path, Object body) throws IOException {
    RequestBody requestBody =
        body == null ? null : RequestBody.create(new String(Json.write(body)), JSON);
    Request.Builder request = new Request.Builder().url(baseUrl + path).method(method, requestBody);
    if (apiKey != null) {
      request.header("api-key", apiKey);
    }
    try (Response response = client.newCall(request.build()).execute()) {
      String text = response.body().string();
      Map<String, String> headers = new TreeMap<>();
      response
          .headers()
          .forEach(h -> headers.put(h.getFirst().toLowerCase(Locale.ROOT), h.getSecond()));
      return new Reply(response.code(), headers, text, parse(text));
    }
  }
}
