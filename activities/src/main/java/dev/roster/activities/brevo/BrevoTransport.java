package dev.roster.activities.brevo;

import static dev.roster.activities.brevo.BrevoClient.REQUEST_ID_HEADERS;
import static dev.roster.activities.brevo.BrevoClient.VENDOR;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.roster.activities.http.Answers;
import dev.roster.activities.http.MeteredHttp;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.RedactingLogInterceptor;
import dev.roster.activities.http.RetryDelays;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.StatusMapping;
import dev.roster.activities.http.VendorJson;
import java.io.IOException;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** One Brevo call: the permit, the {@code api-key}, status mapping and reading the answer. */
final class BrevoTransport {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final HttpUrl baseUrl;
  private final Secret apiKey;
  private final MeteredHttp http;
  private final RetryDelays delays = RetryDelays.system();

  BrevoTransport(HttpUrl baseUrl, Secret apiKey, OkHttpClient http) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.http = MeteredHttp.over(http);
  }

  HttpUrl baseUrl() {
    return baseUrl;
  }

  HttpUrl.Builder url(String segments) {
    return baseUrl.newBuilder().addPathSegments(segments);
  }

  Request.Builder get(HttpUrl.Builder url) {
    return new Request.Builder().url(url.build()).get();
  }

  Request.Builder post(HttpUrl.Builder url, Object body) {
    return new Request.Builder().url(url.build()).post(json(body));
  }

  Request.Builder put(HttpUrl.Builder url, Object body) {
    return new Request.Builder().url(url.build()).put(json(body));
  }

  private static RequestBody json(Object body) {
    try {
      byte[] bytes = body == null ? new byte[0] : VendorJson.MAPPER.writeValueAsBytes(body);
      return RequestBody.create(bytes, JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + body.getClass().getSimpleName(), e);
    }
  }

  Reply send(String operation, RateBudget budget, Request.Builder request) {
    Request built =
        request
            .tag(RateBudget.Permit.class, budget.permit(operation))
            .header("api-key", apiKey.reveal())
            .header("accept", "application/json")
            .build();
    try (Response response = http.newCall(built).execute()) {
      String body = response.body().string();
      int status = response.code();
      if (response.isSuccessful()) {
        return new Reply(operation, status, body);
      }
      String requestId = RedactingLogInterceptor.requestId(response.headers(), REQUEST_ID_HEADERS);
      Duration retryAfter = status == 429 ? retryAfter(response) : null;
      throw StatusMapping.forStatus(
          VENDOR, operation, status, requestId, errorMessage(body), retryAfter);
    } catch (IOException e) {
      throw StatusMapping.forIo(VENDOR, operation, e);
    }
  }

  private Duration retryAfter(Response response) {
    return delays
        .retryAfter(response.header("Retry-After"))
        .or(() -> RetryDelays.brevoReset(response.header("x-sib-ratelimit-reset")))
        .orElse(null);
  }

  /** Only Brevo's {@code message} field, never the body: bodies may echo personal data. */
  private static String errorMessage(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      BrevoWire.ErrorBody error = VendorJson.MAPPER.readValue(body, BrevoWire.ErrorBody.class);
      return error.message();
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  /** A 2xx answer, read on demand; anything unreadable is a retryable VendorUnavailable. */
  record Reply(String operation, int status, String body) {

    /** The body as {@code type}; an empty, cut-off or malformed body is unreadable. */
    <T> T read(Class<T> type) {
      try {
        return VendorJson.MAPPER.treeToValue(Answers.json(VENDOR, operation, status, body), type);
      } catch (IOException | IllegalArgumentException e) {
        throw unreadable(type.getSimpleName());
      }
    }

    /** Checks an answer whose content the step does not use: nothing, or JSON. */
    void expectEmptyOrJson() {
      Answers.emptyOrJson(VENDOR, operation, status, body);
    }

    /**
     * Checks Brevo's {@code {"status":"OK", …}} acknowledgement (invitation send, resend, cancel,
     * revoke): a JSON object whose {@code status}, when present, is OK.
     */
    void expectAcknowledged() {
      if (status == 204 && (body == null || body.isBlank())) {
        return;
      }
      var node = Answers.json(VENDOR, operation, status, body);
      String said = node.path("status").asText("OK");
      if (!node.isObject() || !"OK".equalsIgnoreCase(said)) {
        throw unreadable("no OK status");
      }
    }

    dev.roster.activities.http.VendorUnavailable unreadable(String what) {
      return Answers.unreadable(VENDOR, operation, status, what);
    }
  }
}
