package dev.roster.sandbox.mailersend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.MutableClock;
import dev.roster.sandbox.mailersend.BearerHttp.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Users and invites: state, envelopes, validation, pagination, acceptance. */
class FakeMailerSendTeamTest {
  private static final String ADA = "ada+team@example.com";

  private final MutableClock clock = new MutableClock();
  private final FakeMailerSend fake =
      FakeMailerSend.start(
          FakeMailerSend.Options.builder().clock(clock).acceptAfter(Duration.ofHours(2)).build());
  private final BearerHttp http = new BearerHttp(fake.baseUrl(), fake.token());

  @AfterEach
  void stop() {
    fake.close();
  }

  /** No token, no /v1: the control routes. */
  private BearerHttp root() {
    return new BearerHttp(fake.baseUrl().replace("/v1", ""), null);
  }

  private Reply invite(String email, String role) throws IOException {
    return http.post("/users", Map.of("email", email, "role", role, "permissions", List.of()));
  }

  @Test
  void ownerIsSeededAsAdminUser() throws Exception {
    Reply reply = http.get("/users");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("data")).hasSize(1);
    assertThat(reply.json().path("data").get(0).path("email").asText())
        .isEqualTo(FakeMailerSend.OWNER_EMAIL);
    assertThat(reply.json().path("data").get(0).path("role").asText()).isEqualTo("Admin");
    assertThat(reply.json().path("meta").path("total").asInt()).isEqualTo(1);
    assertThat(reply.json().path("links").path("next").isNull()).isTrue();
  }

  @Test
  void inviteAnswersWithTheInviteAndListsItUnderInvites() throws Exception {
    Reply reply = invite(ADA, "Manager");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("data").path("email").asText()).isEqualTo(ADA);
    assertThat(reply.json().path("data").path("role").asText()).isEqualTo("Manager");
    String id = reply.json().path("data").path("id").asText();
    assertThat(http.get("/invites/" + id).json().path("data").path("email").asText())
        .isEqualTo(ADA);
    assertThat(fake.invite(ADA)).isPresent();
    assertThat(fake.user(ADA)).isEmpty();
  }

  @Test
  void invalidRoleIs422WithLaravelErrors() throws Exception {
    Reply reply = invite(ADA, "Owner");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json().path("message").asText()).isEqualTo("The given data was invalid.");
    assertThat(reply.json().path("errors").path("role").get(0).asText())
        .isEqualTo("The selected role is invalid.");
    assertThat(fake.invites()).isEmpty();
  }

  @Test
  void invalidOrTakenEmailIs422OnEmail() throws Exception {
    assertThat(invite("not-an-email", "Admin").json().path("errors").path("email").get(0).asText())
        .isEqualTo("The email must be a valid email address.");
    invite(ADA, "Designer");
    Reply again = invite(ADA.toUpperCase(), "Designer");
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.json().path("errors").path("email").get(0).asText())
        .isEqualTo("The email has already been taken.");
    assertThat(invite(FakeMailerSend.OWNER_EMAIL, "Admin").json().path("errors").has("email"))
        .isTrue();
  }

  @Test
  void inviteBecomesUserAfterAcceptAfterOnTheClock() throws Exception {
    invite(ADA, "Designer");
    clock.advance(Duration.ofMinutes(119));
    assertThat(http.get("/invites").json().path("data")).hasSize(1);

    clock.advance(Duration.ofMinutes(1));

    assertThat(http.get("/invites").json().path("data")).isEmpty();
    assertThat(fake.user(ADA).orElseThrow().role()).isEqualTo("Designer");
  }

  @Test
  void acceptInviteAndControlRouteTurnInvitesIntoUsers() throws Exception {
    invite(ADA, "Accountant");
    invite("bob@example.com", "Admin");

    fake.acceptInvite(ADA);
    Reply control = root().post("/_sandbox/invitations/bob@example.com/accept", Map.of());

    assertThat(control.status()).isEqualTo(204);
    assertThat(fake.invites()).isEmpty();
    assertThat(fake.users()).extracting(User::email).contains(ADA, "bob@example.com");
    assertThat(root().post("/_sandbox/invitations/x@example.com/accept", Map.of()).status())
        .isEqualTo(404);
  }

  @Test
  void resendCountsAndCancelRemoves() throws Exception {
    String id = invite(ADA, "Manager").json().path("data").path("id").asText();

    assertThat(http.post("/invites/" + id + "/resend", Map.of()).status()).isEqualTo(200);
    http.post("/invites/" + id + "/resend", Map.of());
    assertThat(fake.invite(ADA).orElseThrow().resendCount()).isEqualTo(2);

    assertThat(http.delete("/invites/" + id).status()).isEqualTo(204);
    assertThat(fake.invite(ADA)).isEmpty();
    assertThat(http.delete("/invites/" + id).status()).isEqualTo(404);
  }

  @Test
  void updateAndDeleteUser() throws Exception {
    invite(ADA, "Designer");
    fake.acceptInvite(ADA);
    String id = fake.user(ADA).orElseThrow().id();

    Reply updated = http.put("/users/" + id, Map.of("role", "Manager", "permissions", List.of()));
    assertThat(updated.json().path("data").path("role").asText()).isEqualTo("Manager");
    assertThat(http.put("/users/" + id, Map.of("role", "Boss")).status()).isEqualTo(422);

    assertThat(http.delete("/users/" + id).status()).isEqualTo(204);
    assertThat(fake.user(ADA)).isEmpty();
    assertThat(http.get("/users/" + id).json().path("message").asText())
        .isEqualTo("Resource not found.");
  }

  @Test
  void deletingTheOwnerIsForbidden() throws Exception {
    String owner = fake.user(FakeMailerSend.OWNER_EMAIL).orElseThrow().id();

    assertThat(http.delete("/users/" + owner).status()).isEqualTo(403);
    assertThat(fake.user(FakeMailerSend.OWNER_EMAIL)).isPresent();
  }

  @Test
  void paginatesWithLinksAndMeta() throws Exception {
    for (int i = 0; i < 23; i++) {
      invite("p" + i + "@example.com", "Designer");
    }

    Reply first = http.get("/invites?page=1&limit=10");
    Reply last = http.get("/invites?page=3&limit=10");

    assertThat(first.json().path("data")).hasSize(10);
    assertThat(first.json().path("links").path("next").asText()).endsWith("/v1/invites?page=2");
    assertThat(first.json().path("meta").path("last_page").asInt()).isEqualTo(3);
    assertThat(last.json().path("data")).hasSize(3);
    assertThat(last.json().path("links").path("next").isNull()).isTrue();
    assertThat(last.json().path("meta").path("from").asInt()).isEqualTo(21);
  }

  @Test
  void limitOutside10To100Is422() throws Exception {
    assertThat(http.get("/users?limit=5").status()).isEqualTo(422);
    assertThat(http.get("/users?limit=101").json().path("errors").has("limit")).isTrue();
    assertThat(http.get("/users?limit=100").status()).isEqualTo(200);
  }
}
