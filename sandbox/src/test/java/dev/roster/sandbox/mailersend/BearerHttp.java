package dev.roster.sandbox.mailersend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.sandbox.Json;
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

/**
 * Real HTTP calls with {@code Authorization: Bearer}; the shared {@code TestHttp} sends Brevo's
 * {@code api-key} header instead.
 */
final class BearerHttp {
  private static final MediaType JSON = MediaType.get("application/json");

  /** A fully read response; {@code json} is null when the body is not JSON. */
  record Reply(int status, Map<String, String> headers, String text, JsonNode json) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final OkHttpClient client =
      new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private final String baseUrl;
  private final String token;

  BearerHttp(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  BearerHttp withToken(String other) {
    return new BearerHttp(baseUrl, other);
  }

  Reply get(String path) throws IOException {
    return call("GET", path, null);
  }

  Reply post(String path, Object body) throws IOException {
    return call("POST", path, body);
  }

  Reply put(String path, Object body) throws IOException {
    return call("PUT", path, body);
  }

  Reply delete(String path) throws IOException {
    return call("DELETE", path, null);
  }

  Reply call(String method, String path, Object body) throws IOException {
    RequestBody requestBody = body == null ? null : RequestBody.create(Json.write(body), JSON);
    Request.Builder request = new Request.Builder().url(baseUrl + path).method(method, requestBody);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try (Response response = client.newCall(request.build()).execute()) {
      String text = response.body().string();
      Map<String, String> headers = new TreeMap<>();
      response
          .headers()
          .forEach(h -> headers.put(h.getFirst().toLowerCase(Locale.ROOT), h.getSecond()));
      JsonNode json;
      try {
        json = Json.read(text.getBytes(StandardCharsets.UTF_8));
      } catch (IOException notJson) {
        json = null;
      }
      return new Reply(response.code(), headers, text, json);
    }
  }
}
