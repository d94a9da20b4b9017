package dev.roster.activities.mailjet;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.activities.http.Answers;
import dev.roster.activities.http.Conflict;
import dev.roster.activities.http.MeteredHttp;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.RedactingLogInterceptor;
import dev.roster.activities.http.RetryDelays;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.StatusMapping;
import dev.roster.activities.http.VendorException;
import dev.roster.activities.http.VendorJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One Mailjet call: the rate permit, Basic auth, status mapping and the {@code Count/Data/Total}
 * envelope. Thread-safe.
 */
final class MailjetTransport {
  static final String VENDOR = "mailjet";

  /** vendors.md §1: Limit max is 1000. */
  static final int PAGE_SIZE = 1000;

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final HttpUrl baseUrl;
  private final Secret apiKey;
  private final Secret secretKey;
  private final RateBudget api;
  private final MeteredHttp http;
  private final RetryDelays delays = RetryDelays.system();

  MailjetTransport(
      HttpUrl baseUrl, Secret apiKey, Secret secretKey, RateBudget api, OkHttpClient http) {
    this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
    this.apiKey = requireNonNull(apiKey, "apiKey is null");
    this.secretKey = requireNonNull(secretKey, "secretKey is null");
    this.api = requireNonNull(api, "api is null");
    this.http = MeteredHttp.over(requireNonNull(http, "http is null"));
  }

  /** {@code <base>/<segments>}; segments are literal path parts, never user data. */
  HttpUrl.Builder url(String segments) {
    return baseUrl.newBuilder().addPathSegments(segments);
  }

  Reply get(String operation, HttpUrl.Builder url) {
    return send(operation, new Request.Builder().url(url.build()).get());
  }

  Reply post(String operation, HttpUrl.Builder url, Object body) {
    return send(operation, new Request.Builder().url(url.build()).post(json(body)));
  }

  /** A PUT; its answer (the envelope, or nothing for 304) must be empty or JSON. */
  Reply put(String operation, HttpUrl.Builder url, Object body) {
    Reply reply = send(operation, new Request.Builder().url(url.build()).put(json(body)));
    Answers.emptyOrJson(VENDOR, operation, reply.status(), reply.body());
    return reply;
  }

  /** A DELETE; its answer (204, nothing) must be empty or JSON. */
  Reply delete(String operation, HttpUrl.Builder url) {
    Reply reply = send(operation, new Request.Builder().url(url.build()).delete());
    Answers.emptyOrJson(VENDOR, operation, reply.status(), reply.body());
    return reply;
  }

  /** Every item of a collection, following Limit/Offset until Total is reached. */
  <T> List<T> all(String operation, HttpUrl.Builder url, Class<T> item) {
    List<T> out = new ArrayList<>();
    while (true) {
      HttpUrl page =
          url.build()
              .newBuilder()
              .setQueryParameter("Limit", Integer.toString(PAGE_SIZE))
              .setQueryParameter("Offset", Integer.toString(out.size()))
              .build();
      MailjetWire.Envelope<T> envelope = get(operation, page.newBuilder()).envelope(item);
      List<T> data = envelope.data();
      out.addAll(data);
      int total = envelope.total() == null ? out.size() : envelope.total();
      if (data.isEmpty() || out.size() >= total) {
        return out;
      }
    }
  }

  private static RequestBody json(Object body) {
    try {
      return RequestBody.create(VendorJson.MAPPER.writeValueAsBytes(body), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + body.getClass().getSimpleName(), e);
    }
  }

  private Reply send(String operation, Request.Builder request) {
    Request built =
        request
            .tag(RateBudget.Permit.class, api.permit(operation))
            .header("Authorization", Credentials.basic(apiKey.reveal(), secretKey.reveal()))
            .header("Accept", "application/json")
            .build();
    try (Response response = http.newCall(built).execute()) {
      String body = response.body() == null ? "" : response.body().string();
      int status = response.code();
      // vendors.md §1: 304 means "PUT didn't affect any record", i.e. already in that state.
      if (response.isSuccessful() || status == 304) {
        return new Reply(operation, status, body);
      }
      throw failure(operation, response, status, body);
    } catch (IOException e) {
      throw StatusMapping.forIo(VENDOR, operation, e);
    }
  }

  private VendorException failure(String operation, Response response, int status, String body) {
    String requestId =
        RedactingLogInterceptor.requestId(response.headers(), MailjetClient.REQUEST_ID_HEADERS);
    String message = errorMessage(body);
    if (status == 400 && message != null && message.startsWith("MJ18")) {
      // vendors.md §1 (mailjet-apiv3-php#239): Mailjet reports "already exists" as a 400 MJ18.
      return new Conflict(VENDOR, operation, status, requestId, message);
    }
    // Mailjet sends no rate-limit header (vendors.md §1, mailjet-apiv3-java#217), so retryAfter
    // is normally null and ActivityFailures backs off with jitter; a Retry-After would still win.
    Duration retryAfter =
        status == 429 ? delays.retryAfter(response.header("Retry-After")).orElse(null) : null;
    return StatusMapping.forStatus(VENDOR, operation, status, requestId, message, retryAfter);
  }

  /** Only Mailjet's {@code ErrorMessage}, never the body: bodies may echo personal data. */
  private static String errorMessage(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return VendorJson.MAPPER.readValue(body, MailjetWire.ErrorBody.class).errorMessage();
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  /**
   * A 2xx (or 304) answer, read on demand. A read needs the {@code Count/Data/Total} envelope: an
   * empty, cut-off or malformed body is a retryable VendorUnavailable, never "no data" (which would
   * make a contact look absent).
   */
  record Reply(String operation, int status, String body) {

    <T> MailjetWire.Envelope<T> envelope(Class<T> item) {
      JavaType type =
          VendorJson.MAPPER
              .getTypeFactory()
              .constructParametricType(MailjetWire.Envelope.class, item);
      MailjetWire.Envelope<T> envelope = read(type, item.getSimpleName());
      if (envelope.data() == null) {
        throw Answers.unreadable(VENDOR, operation, status, "no Data in the envelope");
      }
      return envelope;
    }

    /** Data[0], or null when the envelope holds no item. */
    <T> T first(Class<T> item) {
      MailjetWire.Envelope<T> envelope = envelope(item);
      return envelope.data().isEmpty() ? null : envelope.data().get(0);
    }

    JsonNode tree() {
      return Answers.json(VENDOR, operation, status, body);
    }

    private <T> T read(JavaType type, String what) {
      try {
        return VendorJson.MAPPER.convertValue(tree(), type);
      } catch (IllegalArgumentException e) {
        // A 2xx we cannot read is a vendor fault; say which type, not the body.
        throw Answers.unreadable(VENDOR, operation, status, what);
      }
    }
  }
}
