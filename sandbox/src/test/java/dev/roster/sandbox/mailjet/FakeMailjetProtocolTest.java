package dev.roster.sandbox.mailjet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.MutableClock;
import dev.roster.sandbox.TestHttp.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Auth, the header-less 429, fault injection, routing and the request journal. */
class FakeMailjetProtocolTest {
  private static final String CONTACTS = "/v3/REST/contact";

  private final MutableClock clock = new MutableClock();
  private final FakeMailjet mailjet =
      FakeMailjet.start(
          FakeMailjet.Options.builder().clock(clock).rateLimit(3, Duration.ofSeconds(1)).build());
  private final MailjetTestHttp http = MailjetTestHttp.of(mailjet);

  @AfterEach
  void stop() {
    mailjet.close();
  }

  @Test
  void missingAuthorizationIs401WithMailjetsErrorBody() throws Exception {
    Reply reply = http.withAuthorization(null).get(CONTACTS);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().path("StatusCode").asInt()).isEqualTo(401);
    assertThat(reply.json().has("ErrorInfo")).isTrue();
    assertThat(reply.json().path("ErrorMessage").asText())
        .startsWith("API key authentication/authorization failure");
  }

  @Test
  void wrongSecretOrNonBasicSchemeIs401() throws Exception {
    Reply wrongSecret =
        http.withAuthorization(Credentials.basic(mailjet.apiKey(), "nope")).get(CONTACTS);
    Reply bearer = http.withAuthorization("Bearer " + mailjet.apiKey()).get(CONTACTS);

    assertThat(wrongSecret.status()).isEqualTo(401);
    assertThat(bearer.status()).isEqualTo(401);
  }

  @Test
  void spentBudgetGives429WithoutAnyRateHeaderThenRecovers() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(http.get(CONTACTS).status()).isEqualTo(200);
    }

    Reply limited = http.get(CONTACTS);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.json().path("StatusCode").asInt()).isEqualTo(429);
    assertThat(limited.headers().keySet())
        .noneMatch(h -> h.contains("ratelimit") || h.equals("retry-after"));
    clock.advance(Duration.ofSeconds(1));
    assertThat(http.get(CONTACTS).status()).isEqualTo(200);
  }

  @Test
  void failNextAnswersTheScriptedResponseThenRecovers() throws Exception {
    mailjet.faults().failNext(1, 503, Map.of(), "{\"ErrorIdentifier\":\"x\"}");

    assertThat(http.get(CONTACTS).status()).isEqualTo(503);
    assertThat(http.get(CONTACTS).status()).isEqualTo(200);
    assertThat(mailjet.calls("GET", CONTACTS)).isEqualTo(2);
  }

  @Test
  void dropNextClosesTheConnection() throws Exception {
    mailjet.faults().dropNext(1);

    assertThatThrownBy(() -> http.get(CONTACTS)).isInstanceOf(IOException.class);
    assertThat(http.get(CONTACTS).status()).isEqualTo(200);
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405() throws Exception {
    assertThat(http.get("/v3/REST/contacts").status()).isEqualTo(404);
    assertThat(http.get("/v3/contact").status()).isEqualTo(404);
    assertThat(http.call("PATCH", CONTACTS + "/1", Map.of()).status()).isEqualTo(405);
  }

  @Test
  void deleteOnTheListRecipientCollectionIs405MethodNotAllowed() throws Exception {
    Reply reply = http.delete("/v3/REST/listrecipient");

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.json().path("ErrorMessage").asText()).isEqualTo("Method not allowed");
  }

  @Test
  void journalRecordsMethodTemplateHeadersAndBody() throws Exception {
    http.post(CONTACTS, Map.of("Email", "ada@example.com"));

    FakeRequest request = mailjet.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.template()).isEqualTo(CONTACTS);
    assertThat(request.header("Authorization")).startsWith("Basic ");
    assertThat(new String(request.body())).contains("ada@example.com");

    mailjet.resetCounters();
    assertThat(mailjet.requests()).isEmpty();
    assertThat(mailjet.calls("POST", CONTACTS)).isZero();
  }
}
