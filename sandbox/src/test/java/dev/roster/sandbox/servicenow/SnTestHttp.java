package dev.roster.sandbox.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.sandbox.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Real HTTP against the fake with a fixed Authorization header (or none). */
final class SnTestHttp {
  private static final MediaType JSON = MediaType.get("application/json");

  record Reply(int status, Map<String, String> headers, byte[] bytes, JsonNode json) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    JsonNode result() {
      return json.path("result");
    }

    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private final OkHttpClient client =
      new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private final String baseUrl;
  private final String authorization;

  SnTestHttp(String baseUrl, String authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  static SnTestHttp basic(FakeServiceNow sn) {
    return new SnTestHttp(
        sn.baseUrl(), Credentials.basic(sn.options().user(), sn.options().password()));
  }

  Reply get(String path) throws IOException {
    return call(new Request.Builder().url(baseUrl + path).get());
  }

  Reply send(String method, String path, Object body) throws IOException {
    RequestBody json = RequestBody.create(Json.write(body), JSON);
    return call(
        new Request.Builder()
            .url(baseUrl + path)
            .method(method, json)
            .header("Accept", "application/json"));
  }

  Reply raw(Request.Builder request) throws IOException {
    return call(request.url(request.build().url()));
  }

  private Reply call(Request.Builder request) throws IOException {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try (Response response = client.newCall(request.build()).execute()) {
      byte[] bytes = response.body().bytes();
      Map<String, String> headers = new TreeMap<>();
      response
          .headers()
          .forEach(h -> headers.put(h.getFirst().toLowerCase(Locale.ROOT), h.getSecond()));
      JsonNode json;
      try {
        json = Json.read(bytes);
      } catch (IOException notJson) {
        json = null;
      }
      return new Reply(response.code(), headers, bytes, json);
    }
  }
}
