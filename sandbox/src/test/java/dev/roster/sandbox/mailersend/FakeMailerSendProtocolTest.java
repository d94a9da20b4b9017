package dev.roster.sandbox.mailersend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.MutableClock;
import dev.roster.sandbox.mailersend.BearerHttp.Reply;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Auth, rate limit, daily quota, headers, routing, faults and the request journal. */
class FakeMailerSendProtocolTest {
  private final MutableClock clock = new MutableClock(); // 2026-01-05T09:00:00Z
  private final FakeMailerSend fake =
      FakeMailerSend.start(
          FakeMailerSend.Options.builder()
              .clock(clock)
              .rateLimit(3, Duration.ofMinutes(1))
              .dailyQuota(5)
              .build());
  private final BearerHttp http = new BearerHttp(fake.baseUrl(), fake.token());

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void missingOrWrongTokenIs401Unauthenticated() throws Exception {
    for (Reply reply :
        new Reply[] {http.withToken(null).get("/users"), http.withToken("x").get("/users")}) {
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.json().path("message").asText()).isEqualTo("Unauthenticated.");
    }
    assertThat(fake.users()).hasSize(1);
  }

  @Test
  void everyResponseCarriesRateAndQuotaHeaders() throws Exception {
    Reply reply = http.get("/users");

    assertThat(reply.header("x-ratelimit-limit")).isEqualTo("3");
    assertThat(reply.header("x-ratelimit-remaining")).isEqualTo("2");
    assertThat(reply.header("x-apiquota-remaining")).isEqualTo("4");
    assertThat(reply.header("x-apiquota-reset")).isEqualTo("2026-01-06T00:00:00Z");
    Reply notFound = http.get("/users/nope");
    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.header("x-ratelimit-remaining")).isEqualTo("1");
  }

  @Test
  void rateLimitIs429WithRetryAfterUntilTheWindowEnds() throws Exception {
    http.get("/users");
    clock.advance(Duration.ofSeconds(15));
    http.get("/users");
    http.get("/users");

    Reply limited = http.get("/users");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("retry-after")).isEqualTo("45");
    assertThat(limited.header("x-ratelimit-remaining")).isEqualTo("0");
    clock.advance(Duration.ofSeconds(45));
    assertThat(http.get("/users").status()).isEqualTo(200);
  }

  @Test
  void dailyQuotaIs429UntilUtcMidnight() throws Exception {
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMinutes(1));
      assertThat(http.get("/users").status()).isEqualTo(200);
    }
    clock.advance(Duration.ofMinutes(1));

    Reply spent = http.get("/users");

    assertThat(spent.status()).isEqualTo(429);
    assertThat(spent.header("x-apiquota-remaining")).isEqualTo("0");
    // 09:06 -> midnight is 14 h 54 min.
    assertThat(spent.header("retry-after")).isEqualTo(Long.toString(14 * 3600 + 54 * 60));
    clock.advance(Duration.ofHours(15));
    assertThat(http.get("/users").header("x-apiquota-remaining")).isEqualTo("4");
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405() throws Exception {
    assertThat(http.get("/members").status()).isEqualTo(404);
    Reply wrong = http.call("PATCH", "/users", Map.of());
    assertThat(wrong.status()).isEqualTo(405);
    assertThat(wrong.header("allow")).isEqualTo("GET, POST");
  }

  @Test
  void injectedFaultsComeFirstAndCallsAreCountedAndJournaled() throws Exception {
    fake.faults().failNext(1, 503, Map.of(), "");

    assertThat(http.get("/users").status()).isEqualTo(503);
    assertThat(http.post("/users", Map.of("email", "a@example.com", "role", "Admin")).status())
        .isEqualTo(200);

    assertThat(fake.calls("GET", "/v1/users")).isEqualTo(1);
    assertThat(fake.calls("POST", "/v1/users")).isEqualTo(1);
    FakeRequest last = fake.requests().get(fake.requests().size() - 1);
    assertThat(last.header("Authorization")).isEqualTo("Bearer " + fake.token());
    assertThat(last.template()).isEqualTo("/v1/users");

    fake.resetCounters();
    assertThat(fake.requests()).isEmpty();
    assertThat(http.get("/users").header("x-ratelimit-remaining")).isEqualTo("2");
  }
}
