package dev.roster.sandbox.listmonk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.sandbox.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Real HTTP calls to a fake listmonk with a chosen Authorization header. */
final class ListmonkTestHttp {
  private static final MediaType JSON = MediaType.get("application/json");

  /** A fully read response; {@code json} is null when the body is not JSON. */
  record Reply(int status, String text, JsonNode json) {
    JsonNode data() {
      return json.path("data");
    }

    String message() {
      return json.path("message").asText();
    }
  }

  private final OkHttpClient client =
      new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private final String baseUrl;
  private final String authorization;
  private final String cookie;

  ListmonkTestHttp(String baseUrl, String authorization) {
    this(baseUrl, authorization, null);
  }

  private ListmonkTestHttp(String baseUrl, String authorization, String cookie) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
    this.cookie = cookie;
  }

  ListmonkTestHttp withCookie(String cookie) {
    return new ListmonkTestHttp(baseUrl, authorization, cookie);
  }

  /** Authenticated as the fake's API user with {@code token user:token}. */
  static ListmonkTestHttp as(FakeListmonk fake) {
    return new ListmonkTestHttp(fake.baseUrl(), "token " + fake.apiUser() + ":" + fake.token());
  }

  ListmonkTestHttp withAuthorization(String header) {
    return new ListmonkTestHttp(baseUrl, header);
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

  /** POST /api/import/subscribers with a params JSON part and a CSV file part. */
  Reply startImport(Object params, String csv) throws IOException {
    RequestBody body =
        new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart("params", new String(Json.write(params), StandardCharsets.UTF_8))
            .addFormDataPart(
                "file", "people.csv", RequestBody.create(csv, MediaType.get("text/csv")))
            .build();
    return execute(new Request.Builder().url(baseUrl + "/api/import/subscribers").post(body));
  }

  Reply call(String method, String path, Object body) throws IOException {
    RequestBody requestBody = body == null ? null : RequestBody.create(Json.write(body), JSON);
    if (requestBody == null && (method.equals("PUT") || method.equals("POST"))) {
      requestBody = RequestBody.create(new byte[0], null);
    }
    return execute(new Request.Builder().url(baseUrl + path).method(method, requestBody));
  }

  private Reply execute(Request.Builder request) throws IOException {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    try (Response response = client.newCall(request.build()).execute()) {
      String text = response.body().string();
      JsonNode json;
      try {
        json = Json.read(text.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        json = null;
      }
      return new Reply(response.code(), text, json);
    }
  }
}
