package dev.roster.sandbox.mailjet;

import dev.roster.sandbox.Json;
import dev.roster.sandbox.TestHttp.Reply;
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

/** Real HTTP calls with Mailjet's Basic auth; the shared TestHttp sends Brevo's api-key header. */
final class MailjetTestHttp {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient client =
      new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private final String baseUrl;
  private final String authorization;

  /**
   * @param authorization the whole Authorization header value, or null for none
   */
  MailjetTestHttp(String baseUrl, String authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  static MailjetTestHttp of(FakeMailjet mailjet) {
    return new MailjetTestHttp(
        mailjet.baseUrl(), Credentials.basic(mailjet.apiKey(), mailjet.secretKey()));
  }

  MailjetTestHttp withAuthorization(String authorization) {
    return new MailjetTestHttp(baseUrl, authorization);
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
    RequestBody requestBody =
        body == null
            ? null
            : RequestBody.create(new String(Json.write(body), StandardCharsets.UTF_8), JSON);
    Request.Builder request = new Request.Builder().url(baseUrl + path).method(method, requestBody);
    if (authorization != null) {
      request.header("Authorization", authorization);
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

  private static com.fasterxml.jackson.databind.JsonNode parse(String text) {
    try {
      return Json.read(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      return null;
    }
  }
}
