package dev.roster.sandbox.brevo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.sandbox.MutableClock;
import dev.roster.sandbox.TestHttp;
import dev.roster.sandbox.TestHttp.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Auth, rate limits, fault injection, routing and call counting. */
class FakeBrevoProtocolTest {
  private static final String USERS = "/organization/invited/users";

  private final MutableClock clock = new MutableClock();
  private final FakeBrevo brevo =
      FakeBrevo.start(
          FakeBrevo.Options.builder()
              .clock(clock)
              .organizationLimit(3, Duration.ofHours(1))
              .contactsLimit(2, Duration.ofSeconds(1))
              .build());
  private final TestHttp http = new TestHttp(brevo.baseUrl(), brevo.apiKey());

  @AfterEach
  void stop() {
    brevo.close();
  }

  @Test
  void missingApiKeyIs401AuthenticationNotFound() throws Exception {
    Reply reply = http.withKey(null).get(USERS);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().path("code").asText()).isEqualTo("unauthorized");
    assertThat(reply.json().path("message").asText())
        .isEqualTo("authentication not found in headers");
  }

  @Test
  void wrongApiKeyIs401KeyNotFound() throws Exception {
    Reply reply = http.withKey("wrong").get(USERS);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().path("message").asText()).isEqualTo("Key not found");
  }

  @Test
  void everyRateLimitedResponseCarriesSibHeaders() throws Exception {
    Reply reply = http.get(USERS);

    assertThat(reply.header("x-sib-ratelimit-limit")).isEqualTo("3");
    assertThat(reply.header("x-sib-ratelimit-remaining")).isEqualTo("2");
    assertThat(reply.header("x-sib-ratelimit-reset")).isEqualTo("3600");
  }

  @Test
  void spentBudgetGives429WithHeadersAndRecoversAfterTheWindow() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(http.get(USERS).status()).isEqualTo(200);
    }
    clock.advance(Duration.ofMinutes(20));

    Reply limited = http.get(USERS);
    // The contacts family has its own budget.
    Reply contacts = http.get("/contacts/nobody%40example.com");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.json().path("code").asText()).isEqualTo("too_many_requests");
    assertThat(limited.header("x-sib-ratelimit-remaining")).isEqualTo("0");
    assertThat(limited.header("x-sib-ratelimit-reset")).isEqualTo("2400");
    assertThat(contacts.status()).isEqualTo(404);

    clock.advance(Duration.ofMinutes(40));
    Reply recovered = http.get(USERS);
    assertThat(recovered.status()).isEqualTo(200);
    assertThat(recovered.header("x-sib-ratelimit-remaining")).isEqualTo("2");
  }

  @Test
  void failNextAnswersTheScriptedStatusHeadersAndBodyThenRecovers() throws Exception {
    brevo.faults().failNext(2, 503, Map.of("Retry-After", "7"), "upstream busy");

    Reply first = http.get(USERS);
    Reply second = http.withKey(null).get("/no/such/route");
    Reply third = http.get(USERS);

    assertThat(first.status()).isEqualTo(503);
    assertThat(first.header("Retry-After")).isEqualTo("7");
    assertThat(first.text()).isEqualTo("upstream busy");
    assertThat(second.status()).isEqualTo(503);
    assertThat(third.status()).isEqualTo(200);
    assertThat(brevo.faultedCalls()).isEqualTo(2);
    assertThat(brevo.calls("GET", "/v3" + USERS)).isEqualTo(2);
  }

  @Test
  void dropNextClosesTheConnectionSoTheClientSeesAnIoException() throws Exception {
    brevo.faults().dropNext(1);

    assertThatThrownBy(() -> http.get(USERS)).isInstanceOf(IOException.class);
    assertThat(http.get(USERS).status()).isEqualTo(200);
    assertThat(brevo.faultedCalls()).isEqualTo(1);
  }

  @Test
  void latencyDelaysResponsesUntilReset() throws Exception {
    brevo.faults().latency(Duration.ofMillis(300));
    long start = System.nanoTime();
    http.get(USERS);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(290));

    brevo.faults().reset();
    assertThat(brevo.faults().pending()).isZero();
  }

  @Test
  void unknownRouteIs404AndWrongMethodIs405() throws Exception {
    Reply unknown = http.get("/organization/user/list");
    Reply wrongMethod = http.post(USERS, Map.of());

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.header("Allow")).isEqualTo("GET");
  }

  @Test
  void callsAreCountedPerRouteTemplateAndCanBeReset() throws Exception {
    http.get("/contacts/a%40example.com");
    http.get("/contacts/42");
    http.get(USERS);

    assertThat(brevo.calls("GET", "/v3/contacts/{identifier}")).isEqualTo(2);
    assertThat(brevo.calls("GET", "/v3/organization/invited/users")).isEqualTo(1);
    assertThat(brevo.calls("DELETE", "/v3/contacts/{identifier}")).isZero();
    assertThat(brevo.totalCalls()).isEqualTo(3);

    brevo.resetCounters();
    assertThat(brevo.totalCalls()).isZero();
  }

  @Test
  void concurrentRequestsAreServedInParallel() throws Exception {
    brevo.faults().latency(Duration.ofMillis(400));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < 4; i++) {
        Callable<Integer> call = () -> http.get("/contacts/x%40example.com").status();
        results.add(pool.submit(call));
      }
      int ok = 0;
      for (Future<Integer> f : results) {
        ok += f.get() == 404 || f.get() == 429 ? 1 : 0;
      }
      assertThat(ok).isEqualTo(4);
      // Four 400 ms requests well under 1600 ms means they did not queue behind each other.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1200));
    } finally {
      pool.shutdownNow();
    }
    assertThat(brevo.calls("GET", "/v3/contacts/{identifier}")).isEqualTo(4);
  }
}
