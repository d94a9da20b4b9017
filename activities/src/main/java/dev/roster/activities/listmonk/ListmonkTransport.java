package dev.roster.activities.listmonk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.activities.http.Answers;
import dev.roster.activities.http.MeteredHttp;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.RedactingLogInterceptor;
import dev.roster.activities.http.RetryDelays;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.StatusMapping;
import dev.roster.activities.http.VendorJson;
import dev.roster.activities.http.VendorUnavailable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** One listmonk call: auth header, the instance budget, envelope unwrapping, error mapping. */
final class ListmonkTransport {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String PERMISSION_DENIED = "permission denied:";

  private final HttpUrl baseUrl;
  private final String apiUser;
  private final Secret token;
  private final RateBudget budget;
  private final MeteredHttp http;
  private final RetryDelays delays = RetryDelays.system();

  ListmonkTransport(
      HttpUrl baseUrl, String apiUser, Secret token, RateBudget budget, OkHttpClient http) {
    this.baseUrl = baseUrl;
    this.apiUser = apiUser;
    this.token = token;
    this.budget = budget;
    this.http = MeteredHttp.over(http);
  }

  /** {@code <base>/api/<segments>}; callers add ids and emails with addPathSegment. */
  HttpUrl.Builder url(String segments) {
    return baseUrl.newBuilder().addPathSegment("api").addPathSegments(segments);
  }

  static RequestBody json(Object body) {
    try {
      return RequestBody.create(VendorJson.MAPPER.writeValueAsBytes(body), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + body.getClass().getSimpleName(), e);
    }
  }

  Reply send(String operation, Request.Builder request) {
    // vendors.md §3: "token api_user:token" (Basic works too). Revealed only here.
    Request built =
        request
            .tag(RateBudget.Permit.class, budget.permit(operation))
            .header("Authorization", "token " + apiUser + ":" + token.reveal())
            .header("Accept", "application/json")
            .build();
    try (Response response = http.newCall(built).execute()) {
      String body = response.body().string();
      int status = response.code();
      if (response.isSuccessful()) {
        return new Reply(operation, status, body);
      }
      String message = errorMessage(body);
      if (status == 403
          && message != null
          && message.toLowerCase(Locale.ROOT).startsWith(PERMISSION_DENIED)) {
        String permission = message.substring(PERMISSION_DENIED.length()).trim();
        throw new ListmonkPermissionDenied(operation, status, permission, message);
      }
      String requestId =
          RedactingLogInterceptor.requestId(response.headers(), ListmonkClient.REQUEST_ID_HEADERS);
      // listmonk never rate limits (vendors.md §3), but a proxy in front of it might.
      Duration retryAfter =
          status == 429 ? delays.retryAfter(response.header("Retry-After")).orElse(null) : null;
      throw StatusMapping.forStatus(
          ListmonkClient.VENDOR, operation, status, requestId, message, retryAfter);
    } catch (IOException e) {
      throw StatusMapping.forIo(ListmonkClient.VENDOR, operation, e);
    }
  }

  /** Only the {@code message} field, never the body: bodies may echo personal data. */
  private static String errorMessage(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return VendorJson.MAPPER.readValue(body, ListmonkWire.ErrorBody.class).message();
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  /** A 2xx answer; {@link #data} unwraps listmonk's {@code {"data": …}} envelope. */
  record Reply(String operation, int status, String body) {
    <T> T data(Class<T> type) {
      return data(VendorJson.MAPPER.constructType(type));
    }

    <T> List<T> dataList(Class<T> element) {
      return data(VendorJson.MAPPER.getTypeFactory().constructCollectionType(List.class, element));
    }

    <T> T data(TypeReference<T> type) {
      return data(VendorJson.MAPPER.getTypeFactory().constructType(type));
    }

    /**
     * Checks listmonk's {@code {"data": true}} acknowledgement (list changes, blocklist, deletes):
     * anything else does not say the work was done.
     */
    void expectTrue() {
      if (!Boolean.TRUE.equals(data(Boolean.class))) {
        throw unreadable("no true in data");
      }
    }

    VendorUnavailable unreadable(String what) {
      return Answers.unreadable(ListmonkClient.VENDOR, operation, status, what);
    }

    private <T> T data(JavaType type) {
      try {
        JsonNode data = VendorJson.MAPPER.readTree(body).path("data");
        if (data.isMissingNode() || data.isNull()) {
          throw new IOException("no data");
        }
        return VendorJson.MAPPER.convertValue(data, type);
      } catch (IOException | IllegalArgumentException e) {
        // A 2xx we cannot read is a vendor fault; say which type, not the body.
        throw unreadable(type.getRawClass().getSimpleName());
      }
    }
  }
}
