package dev.roster.activities.servicenow;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.activities.http.AuthFailed;
import dev.roster.activities.http.StatusMapping;
import dev.roster.activities.http.VendorJson;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A client-credentials access token, fetched on first use and cached until shortly before it
 * expires (client credentials give no refresh token, so "refresh" means asking again). Thread-safe.
 */
final class OAuthTokens {
  /** Renew this long before the instance says the token expires, to absorb clock skew. */
  static final Duration EARLY = Duration.ofSeconds(60);

  private final HttpUrl tokenUrl;
  private final ServiceNowAuth.ClientCredentials credentials;
  private final OkHttpClient http;
  private final Clock clock;
  private String token;
  private Instant renewAt = Instant.MIN;

  OAuthTokens(
      HttpUrl instanceUrl,
      ServiceNowAuth.ClientCredentials credentials,
      OkHttpClient http,
      Clock clock) {
    this.tokenUrl = instanceUrl.newBuilder().addPathSegment("oauth_token.do").build();
    this.credentials = requireNonNull(credentials, "credentials is null");
    this.http = requireNonNull(http, "http is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** The cached token, or a new one when none is cached or it is about to expire. */
  synchronized String current() {
    if (token == null || !clock.instant().isBefore(renewAt)) {
      fetch();
    }
    return token;
  }

  /** Drops the cached token if it is still {@code rejected}: the instance answered 401 to it. */
  synchronized void invalidate(String rejected) {
    if (rejected != null && rejected.equals(token)) {
      token = null;
    }
  }

  private void fetch() {
    Request request =
        new Request.Builder()
            .url(tokenUrl)
            .header("Accept", "application/json")
            .post(
                new FormBody.Builder()
                    .add("grant_type", "client_credentials")
                    .add("client_id", credentials.clientId())
                    .add("client_secret", credentials.clientSecret().reveal())
                    .build())
            .build();
    try (Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      if (!response.isSuccessful()) {
        // The body may echo the client id; only the status goes into the exception.
        throw StatusMapping.forStatus(
            ServiceNowClient.VENDOR, "oauthToken", response.code(), null, "token refused", null);
      }
      JsonNode json = VendorJson.MAPPER.readTree(body);
      String access = json.path("access_token").asText("");
      if (access.isEmpty()) {
        throw new AuthFailed(ServiceNowClient.VENDOR, "oauthToken", 200, null, "no access_token");
      }
      long expiresIn = json.path("expires_in").asLong(1799);
      token = access;
      renewAt = clock.instant().plusSeconds(expiresIn).minus(EARLY);
    } catch (IOException e) {
      throw StatusMapping.forIo(ServiceNowClient.VENDOR, "oauthToken", e);
    }
  }
}
