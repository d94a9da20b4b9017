package dev.roster.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.Json;
import dev.roster.sandbox.MutableClock;
import dev.roster.sandbox.servicenow.SnTestHttp.Reply;
import java.time.Duration;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Authentication both ways, rate limiting, routing and envelopes. */
class FakeServiceNowProtocolTest {
  private final MutableClock clock = new MutableClock();
  private final FakeServiceNow sn =
      FakeServiceNow.start(
          FakeServiceNow.Options.builder()
              .clock(clock)
              .rateLimit(3, Duration.ofHours(1))
              .tokenTtl(Duration.ofMinutes(30))
              .build());
  private final SnTestHttp http = SnTestHttp.basic(sn);

  @AfterEach
  void stop() {
    sn.close();
  }

  @Test
  void wrongOrMissingCredentialsAre401WithFailureEnvelope() throws Exception {
    Reply missing = new SnTestHttp(sn.baseUrl(), null).get("/api/now/table/sc_req_item");
    Reply wrong =
        new SnTestHttp(sn.baseUrl(), Credentials.basic("roster.integration", "nope"))
            .get("/api/now/table/sc_req_item");

    assertThat(missing.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().path("status").asText()).isEqualTo("failure");
    assertThat(wrong.json().path("error").path("message").asText())
        .isEqualTo("User Not Authenticated");
  }

  @Test
  void clientCredentialsTokenAuthenticatesUntilItExpires() throws Exception {
    String token = token("sandbox-servicenow-client", "sandbox-servicenow-secret");
    SnTestHttp bearer = new SnTestHttp(sn.baseUrl(), "Bearer " + token);

    assertThat(bearer.get("/api/now/v2/table/sc_req_item").status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(31));
    assertThat(bearer.get("/api/now/v2/table/sc_req_item").status()).isEqualTo(401);
    assertThat(sn.tokensIssued()).isEqualTo(1);
  }

  @Test
  void wrongClientSecretGetsNoToken() throws Exception {
    assertThat(token("sandbox-servicenow-client", "wrong")).isNull();
  }

  @Test
  void spentBudgetIs429WithRetryAfterSecondsAndRecovers() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(http.get("/api/now/v2/table/sc_req_item").status()).isEqualTo(200);
    }
    clock.advance(Duration.ofMinutes(20));

    Reply limited = http.get("/api/now/v2/table/sc_req_item");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("2400");
    assertThat(limited.header("X-RateLimit-Limit")).isEqualTo("3");
    assertThat(limited.header("X-RateLimit-Reset"))
        .isEqualTo(Long.toString(clock.get().getEpochSecond() + 2400));
    assertThat(limited.json().path("error").path("message").asText())
        .isEqualTo("Rate limit exceeded");
    clock.advance(Duration.ofMinutes(40));
    assertThat(http.get("/api/now/v2/table/sc_req_item").status()).isEqualTo(200);
  }

  @Test
  void unknownTableIs400UnknownRouteIs404WrongMethodIs405() throws Exception {
    assertThat(http.get("/api/now/table/no_such_table").status()).isEqualTo(400);
    assertThat(http.get("/api/now/tables").status()).isEqualTo(404);
    Reply delete =
        http.raw(new Request.Builder().url(sn.baseUrl() + "/api/now/table/sc_task/x").delete());
    assertThat(delete.status()).isEqualTo(405);
  }

  @Test
  void writesWithoutJsonContentTypeAre400() throws Exception {
    Reply reply =
        http.raw(
            new Request.Builder()
                .url(sn.baseUrl() + "/api/now/table/sc_task")
                .post(RequestBody.create("{}".getBytes(), null))
                .header("Accept", "application/json"));

    assertThat(reply.status()).isEqualTo(400);
  }

  @Test
  void injectedFaultAnswersBeforeAuth() throws Exception {
    sn.faults().failNext(1, 503, Map.of(), "");

    assertThat(http.get("/api/now/table/sc_req_item").status()).isEqualTo(503);
    assertThat(http.get("/api/now/v2/table/sc_req_item").status()).isEqualTo(200);
  }

  private String token(String id, String secret) throws Exception {
    Request request =
        new Request.Builder()
            .url(sn.baseUrl() + "/oauth_token.do")
            .post(
                new FormBody.Builder()
                    .add("grant_type", "client_credentials")
                    .add("client_id", id)
                    .add("client_secret", secret)
                    .build())
            .build();
    try (Response response = new OkHttpClient().newCall(request).execute()) {
      if (response.code() != 200) {
        return null;
      }
      return Json.read(response.body().bytes()).path("access_token").asText();
    }
  }
}
