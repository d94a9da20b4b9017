package dev.roster.activities.servicenow;

import static dev.roster.activities.servicenow.ServiceNowClient.REQUEST_ID_HEADERS;
import static dev.roster.activities.servicenow.ServiceNowClient.VENDOR;

import dev.roster.activities.http.Answers;
import dev.roster.activities.http.MeteredHttp;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.RedactingLogInterceptor;
import dev.roster.activities.http.RetryDelays;
import dev.roster.activities.http.StatusMapping;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One ServiceNow call: the permit, Basic or OAuth authentication (a 401 on a cached token fetches a
 * new one and tries once more), the instance's {@code Retry-After}, and status mapping.
 */
final class ServiceNowTransport {
  private final ServiceNowAuth auth;
  private final OAuthTokens tokens;
  private final RateBudget budget;
  private final MeteredHttp http;
  private final RetryDelays delays;

  ServiceNowTransport(
      HttpUrl instanceUrl, ServiceNowAuth auth, RateBudget budget, OkHttpClient http, Clock clock) {
    this.auth = auth;
    this.budget = budget;
    this.http = MeteredHttp.over(http);
    this.tokens =
        auth instanceof ServiceNowAuth.ClientCredentials cc
            ? new OAuthTokens(instanceUrl, cc, http, clock)
            : null;
    this.delays =
        new RetryDelays(clock, Math::random, Duration.ofSeconds(1), Duration.ofMinutes(10));
  }

  /** Sends and reads the whole answer as JSON. */
  ServiceNowReply send(String operation, Request.Builder request) {
    try (Response response = execute(operation, request, false, null)) {
      String body = response.body().string();
      return new ServiceNowReply(
          operation,
          response.code(),
          Answers.json(VENDOR, operation, response.code(), body),
          response.headers().toMultimap());
    } catch (IOException e) {
      throw StatusMapping.forIo(VENDOR, operation, e);
    }
  }

  /**
   * Sends with auth and budget; returns a successful response (open) or throws. A 401 on a cached
   * OAuth token fetches a new token and tries once more.
   *
   * @param callTimeout this call's whole-call timeout, or null for the client's
   */
  Response execute(
      String operation, Request.Builder request, boolean binary, Duration callTimeout) {
    request.header("Accept", binary ? "*/*" : "application/json");
    for (int attempt = 1; ; attempt++) {
      request.tag(RateBudget.Permit.class, budget.permit(operation));
      String token = authorize(request);
      Response response;
      try {
        Call call = http.newCall(request.build());
        if (callTimeout != null) {
          call.timeout().timeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        response = call.execute();
      } catch (IOException e) {
        throw StatusMapping.forIo(VENDOR, operation, e);
      }
      if (response.isSuccessful()) {
        return response;
      }
      try (response) {
        int status = response.code();
        if (status == 401 && tokens != null && attempt == 1) {
          tokens.invalidate(token);
          continue;
        }
        String requestId =
            RedactingLogInterceptor.requestId(response.headers(), REQUEST_ID_HEADERS);
        Duration retryAfter =
            status == 429 ? delays.retryAfter(response.header("Retry-After")).orElse(null) : null;
        String message = ServiceNowRecords.errorMessage(bodyText(response));
        throw StatusMapping.forStatus(VENDOR, operation, status, requestId, message, retryAfter);
      }
    }
  }

  private String authorize(Request.Builder request) {
    if (auth instanceof ServiceNowAuth.Basic basic) {
      request.header("Authorization", Credentials.basic(basic.user(), basic.password().reveal()));
      return null;
    }
    String token = tokens.current();
    request.header("Authorization", "Bearer " + token);
    return token;
  }

  private static String bodyText(Response response) {
    try {
      return response.body().string();
    } catch (IOException e) {
      return null;
    }
  }
}
