package dev.roster.sandbox.listmonk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.listmonk.ListmonkTestHttp.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Auth (403, never 401), permissions, routing, envelopes, faults and the journal. */
class FakeListmonkProtocolTest {
  private final FakeListmonk listmonk = FakeListmonk.start();
  private final ListmonkTestHttp http = ListmonkTestHttp.as(listmonk);

  @AfterEach
  void stop() {
    listmonk.close();
  }

  @Test
  void noAuthorizationHeaderIs403InvalidSession() throws Exception {
    Reply reply = http.withAuthorization(null).get("/api/lists");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.message()).isEqualTo("invalid session");
  }

  @Test
  void wrongTokenIs403InvalidApiCredentials() throws Exception {
    Reply reply = http.withAuthorization("token roster:wrong").get("/api/lists");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.message()).isEqualTo("invalid API credentials");
  }

  @Test
  void bearerSchemeIsRefused() throws Exception {
    Reply reply = http.withAuthorization("Bearer sandbox-listmonk-token").get("/api/lists");

    assertThat(reply.status()).isEqualTo(403);
  }

  @Test
  void basicAuthWithUserAndTokenIsAccepted() throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString("roster:sandbox-listmonk-token".getBytes(StandardCharsets.UTF_8));

    Reply reply = http.withAuthorization("Basic " + basic).get("/api/lists");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.data().path("results")).hasSize(2);
  }

  @Test
  void sessionCookieMakesTheHeaderBeIgnored() throws Exception {
    Reply reply = http.withCookie("session=stale").get("/api/lists");

    assertThat(reply.status()).isEqualTo(403);
  }

  @Test
  void missingPermissionIs403PermissionDenied() throws Exception {
    Set<String> permissions = new HashSet<>(FakeListmonk.Options.allPermissions());
    permissions.remove("users:get");
    try (FakeListmonk limited =
        FakeListmonk.start(FakeListmonk.Options.builder().apiPermissions(permissions).build())) {
      Reply reply = ListmonkTestHttp.as(limited).get("/api/users");

      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.message()).isEqualTo("permission denied: users:get");
    }
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405() throws Exception {
    assertThat(http.get("/api/nope").status()).isEqualTo(404);
    assertThat(http.call("PATCH", "/api/lists", Map.of()).status()).isEqualTo(405);
  }

  @Test
  void successIsWrappedInData() throws Exception {
    Reply reply = http.get("/api/roles/users");

    assertThat(reply.json().has("data")).isTrue();
    assertThat(reply.data()).hasSize(3);
  }

  @Test
  void injectedFaultAnswersFirstThenStateServesAgain() throws Exception {
    listmonk.faults().failNext(1, 503);

    assertThat(http.get("/api/lists").status()).isEqualTo(503);
    assertThat(http.get("/api/lists").status()).isEqualTo(200);
    assertThat(listmonk.calls("GET", "/api/lists")).isEqualTo(2);
  }

  @Test
  void journalRecordsHeadersAndTemplates() throws Exception {
    http.get("/api/subscribers/7");

    assertThat(listmonk.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.template()).isEqualTo("/api/subscribers/{id}");
              assertThat(r.header("Authorization"))
                  .isEqualTo("token roster:sandbox-listmonk-token");
            });
    listmonk.resetCounters();
    assertThat(listmonk.requests()).isEmpty();
  }
}
