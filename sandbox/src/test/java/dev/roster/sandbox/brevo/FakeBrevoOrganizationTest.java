package dev.roster.sandbox.brevo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.sandbox.MutableClock;
import dev.roster.sandbox.TestHttp;
import dev.roster.sandbox.TestHttp.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeBrevoOrganizationTest {
  private static final String ADA = "ada+test@example.com";
  private static final String ADA_PATH = "ada%2Btest%40example.com";

  private final MutableClock clock = new MutableClock();
  private FakeBrevo brevo;
  private TestHttp http;

  private void start(Duration acceptAfter) {
    brevo =
        FakeBrevo.start(FakeBrevo.Options.builder().clock(clock).acceptAfter(acceptAfter).build());
    http = new TestHttp(brevo.baseUrl(), brevo.apiKey());
  }

  @AfterEach
  void stop() {
    brevo.close();
  }

  private Reply invite(String email) throws Exception {
    return http.post(
        "/organization/user/invitation/send",
        Map.of(
            "email",
            email,
            "all_features_access",
            false,
            "privileges",
            List.of(Map.of("feature", "contacts", "permissions", List.of("view")))));
  }

  @Test
  void listsTheSeededOwnerAsActive() throws Exception {
    start(null);
    Reply reply = http.get("/organization/invited/users");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().at("/users/0/email").asText()).isEqualTo("owner@sandbox.example");
    assertThat(reply.json().at("/users/0/is_owner").asText()).isEqualTo("true");
    assertThat(reply.json().at("/users/0/status").asText()).isEqualTo("active");
    assertThat(reply.json().at("/users/0/feature_access/marketing").asText()).isEqualTo("full");
  }

  @Test
  void invitationStaysPendingUntilAcceptAfterElapsesOnTheClock() throws Exception {
    start(Duration.ofMinutes(10));
    Reply reply = invite(ADA);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("status").asText()).isEqualTo("OK");
    assertThat(reply.json().path("invoice_id").asText()).isNotBlank();
    assertThat(brevo.member(ADA).orElseThrow().status()).isEqualTo("pending");

    clock.advance(Duration.ofMinutes(9));
    assertThat(brevo.member(ADA).orElseThrow().isPending()).isTrue();

    clock.advance(Duration.ofMinutes(1));
    Reply users = http.get("/organization/invited/users");
    assertThat(users.json().at("/users/1/status").asText()).isEqualTo("active");
    assertThat(users.json().at("/users/1/is_owner").asText()).isEqualTo("false");
    assertThat(users.json().at("/users/1/feature_access/marketing").asText()).isEqualTo("custom");
    assertThat(users.json().at("/users/1/feature_access/crm").asText()).isEqualTo("none");
  }

  @Test
  void acceptInvitationActivatesAPendingMember() throws Exception {
    start(null);
    invite(ADA);
    clock.advance(Duration.ofDays(30));
    assertThat(brevo.member(ADA).orElseThrow().isPending()).isTrue();

    brevo.acceptInvitation(ADA);

    assertThat(brevo.member(ADA).orElseThrow().isActive()).isTrue();
    assertThatThrownBy(() -> brevo.acceptInvitation("nobody@example.com"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void controlRouteAcceptsWithoutApiKey() throws Exception {
    start(null);
    invite(ADA);
    TestHttp control = new TestHttp(brevo.baseUrl().replace("/v3", ""), null);

    assertThat(control.post("/_sandbox/invitations/" + ADA_PATH + "/accept", Map.of()).status())
        .isEqualTo(204);
    assertThat(brevo.member(ADA).orElseThrow().isActive()).isTrue();
    Reply state = control.get("/_sandbox/state");
    assertThat(state.json().path("members")).hasSize(2);
    assertThat(state.json().path("lists").path("2").asText()).isEqualTo("Newsletter");
  }

  @Test
  void invitingAnExistingMemberOrABadEmailIsRejected() throws Exception {
    start(null);
    invite(ADA);

    Reply duplicate = invite("ADA+test@example.com");
    Reply bad = invite("not-an-email");
    Reply missing = http.post("/organization/user/invitation/send", Map.of());

    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(duplicate.json().path("code").asText()).isEqualTo("invalid_parameter");
    assertThat(duplicate.json().path("message").asText()).isEqualTo("User already exists");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(missing.json().path("code").asText()).isEqualTo("invalid_parameter");
    assertThat(brevo.members()).hasSize(2);
  }

  @Test
  void resendResetsInvitedAtAndCountsAndWorksWithEncodedEmail() throws Exception {
    start(Duration.ofMinutes(10));
    invite(ADA);
    clock.advance(Duration.ofMinutes(8));

    Reply reply = http.put("/organization/user/invitation/resend/" + ADA_PATH, null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("credit_notes").isArray()).isTrue();
    Member member = brevo.member(ADA).orElseThrow();
    assertThat(member.resendCount()).isEqualTo(1);
    assertThat(member.invitedAt()).isEqualTo(clock.get());
    clock.advance(Duration.ofMinutes(8));
    assertThat(brevo.member(ADA).orElseThrow().isPending()).isTrue();
  }

  @Test
  void cancelRemovesAPendingInvitation() throws Exception {
    start(null);
    invite(ADA);

    assertThat(http.put("/organization/user/invitation/cancel/" + ADA_PATH, null).status())
        .isEqualTo(200);
    assertThat(brevo.member(ADA)).isEmpty();
  }

  @Test
  void resendAndCancelAnswer403UnlessPending() throws Exception {
    start(null);
    invite(ADA);
    brevo.acceptInvitation(ADA);

    Reply resendActive = http.put("/organization/user/invitation/resend/" + ADA_PATH, null);
    Reply cancelUnknown = http.put("/organization/user/invitation/cancel/x%40example.com", null);

    assertThat(resendActive.status()).isEqualTo(403);
    assertThat(resendActive.json().path("code").asText()).isEqualTo("permission_denied");
    assertThat(cancelUnknown.status()).isEqualTo(403);
    assertThat(brevo.member(ADA).orElseThrow().isActive()).isTrue();
  }

  @Test
  void revokeRemovesAnActiveMemberButNotTheOwnerOrStrangers() throws Exception {
    start(null);
    invite(ADA);

    Reply pending = http.put("/organization/user/invitation/revoke/" + ADA_PATH, null);
    brevo.acceptInvitation(ADA);
    Reply active = http.put("/organization/user/invitation/revoke/" + ADA_PATH, null);
    Reply owner = http.put("/organization/user/invitation/revoke/owner%40sandbox.example", null);
    Reply unknown = http.put("/organization/user/invitation/revoke/x%40example.com", null);

    assertThat(pending.status()).isEqualTo(403);
    assertThat(active.status()).isEqualTo(200);
    assertThat(brevo.member(ADA)).isEmpty();
    assertThat(owner.status()).isEqualTo(403);
    assertThat(brevo.member("owner@sandbox.example")).isPresent();
    assertThat(unknown.status()).isEqualTo(403);
  }

  @Test
  void permissionsEchoTheInvitedPrivilegesAnd404ForStrangers() throws Exception {
    start(null);
    invite(ADA);

    Reply reply = http.get("/organization/user/" + ADA_PATH + "/permissions");
    Reply unknown = http.get("/organization/user/x%40example.com/permissions");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("email").asText()).isEqualTo(ADA);
    assertThat(reply.json().path("status").asText()).isEqualTo("pending");
    assertThat(reply.json().at("/privileges/0/feature").asText()).isEqualTo("contacts");
    assertThat(reply.json().at("/privileges/0/permissions/0").asText()).isEqualTo("view");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("code").asText()).isEqualTo("document_not_found");
  }

  @Test
  void permissionsOfAnActiveUserAreUpdatedAndReadBack() throws Exception {
    start(null);
    invite(ADA);
    brevo.acceptInvitation(ADA);
    List<Map<String, Object>> editor =
        List.of(Map.of("feature", "templates", "permissions", List.of("create_edit_delete")));

    Reply update =
        http.post(
            "/organization/user/update/permissions",
            Map.of("email", ADA, "all_features_access", false, "privileges", editor));

    assertThat(update.status()).isEqualTo(200);
    assertThat(update.json().path("status").asText()).isEqualTo("OK");
    Reply read = http.get("/organization/user/" + ADA_PATH + "/permissions");
    assertThat(read.json().at("/privileges/0/feature").asText()).isEqualTo("templates");
    assertThat(read.json().at("/privileges/0/permissions/0").asText())
        .isEqualTo("create_edit_delete");
    assertThat(read.json().path("privileges")).hasSize(1);

    http.post(
        "/organization/user/update/permissions",
        Map.of("email", ADA, "all_features_access", true, "privileges", List.of()));
    assertThat(brevo.member(ADA).orElseThrow().allFeaturesAccess()).isTrue();
  }

  @Test
  void permissionsAreRefusedForAnInviteeTheOwnerAndABodyWithoutPrivileges() throws Exception {
    start(null);
    invite(ADA);
    Map<String, Object> viewer =
        Map.of(
            "email",
            ADA,
            "all_features_access",
            false,
            "privileges",
            List.of(Map.of("feature", "contacts", "permissions", List.of("view"))));

    assertThat(http.post("/organization/user/update/permissions", viewer).status()).isEqualTo(403);
    assertThat(
            http.post(
                    "/organization/user/update/permissions",
                    Map.of("email", "owner@sandbox.example", "all_features_access", true))
                .status())
        .isEqualTo(403);
    Reply bare =
        http.post(
            "/organization/user/update/permissions",
            Map.of("email", ADA, "all_features_access", false));
    assertThat(bare.status()).isEqualTo(400);
    assertThat(bare.json().path("message").asText()).contains("privileges is required");
    assertThat(brevo.member(ADA).orElseThrow().status()).isEqualTo("pending");
  }
}
