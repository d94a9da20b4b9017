package dev.roster.activities.brevo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.activities.ContactActivitiesImpl;
import dev.roster.activities.TeamActivitiesImpl;
import dev.roster.activities.http.AuthFailed;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.RateLimited;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.VendorHttp;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.failure.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BrevoFailuresTest {
  private static final String ADA = "ada@example.com";
  private static final String ERROR_400 =
      "{\"code\":\"invalid_parameter\",\"message\":\"Invalid email address\"}";

  private BrevoFixture brevo;
  private TeamActivitiesImpl team;
  private ContactActivitiesImpl contacts;

  @BeforeEach
  void start() {
    brevo = BrevoFixture.start();
    team = new TeamActivitiesImpl(Map.<String, TeamConnector>of("brevo-main", brevo.team));
    contacts =
        new ContactActivitiesImpl(Map.<String, ContactConnector>of("brevo-main", brevo.contacts));
  }

  @AfterEach
  void stop() {
    brevo.close();
  }

  @Test
  void aSpentLocalBudgetRefusesBeforeAnythingIsSent() {
    BrevoClient client =
        new BrevoClient(
            HttpUrl.get(brevo.fake.baseUrl()),
            new Secret(brevo.fake.apiKey()),
            RateBudget.of(
                "brevo", "brevo-main/organization", new RateBudget.Limit(1, Duration.ofHours(1))),
            RateBudget.of(
                "brevo", "brevo-main/contacts", new RateBudget.Limit(10, Duration.ofSeconds(1))),
            VendorHttp.newClient("brevo", BrevoClient.REQUEST_ID_HEADERS));
    brevo.fake.resetCounters();
    client.organization().listInvitedUsers();

    RateLimited e =
        catchThrowableOfType(RateLimited.class, client.organization()::listInvitedUsers);

    assertThat(e.status()).isZero();
    assertThat(e.getMessage()).contains("local rate budget brevo-main/organization is spent");
    assertThat(e.retryAfter()).isGreaterThan(Duration.ofMinutes(59));
    assertThat(brevo.fake.totalCalls()).isEqualTo(1);
  }

  @Test
  void rateLimitedInviteCarriesResetDelay() {
    brevo
        .fake
        .faults()
        .failNext(
            1,
            429,
            Map.of("x-sib-ratelimit-reset", "7", "x-sib-request-id", "req-429"),
            "{\"code\":\"too_many_requests\",\"message\":\"The expected rate limit is exceeded.\"}");

    RateLimited e = catchThrowableOfType(RateLimited.class, () -> brevo.team.invite(ADA, "viewer"));

    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.requestId()).isEqualTo("req-429");
  }

  @Test
  void rateLimitedActivityFailureIsRetryableWithTheVendorDelay() {
    brevo.fake.faults().failNext(1, 429, Map.of("x-sib-ratelimit-reset", "7"), "");

    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class, () -> team.invite("brevo-main", ADA, "viewer"));

    assertThat(f.getType()).isEqualTo(FailureTypes.RATE_LIMITED);
    assertThat(f.isNonRetryable()).isFalse();
    assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterHeaderWinsOverBrevoReset() {
    brevo
        .fake
        .faults()
        .failNext(1, 429, Map.of("Retry-After", "30", "x-sib-ratelimit-reset", "7"), "");
    RateLimited e =
        catchThrowableOfType(
            RateLimited.class, () -> brevo.client.organization().listInvitedUsers());
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void wrongApiKeyIsNonRetryableAuthFailed() {
    BrevoClient wrongKey = BrevoFixture.client(brevo.fake, "not-the-key", null);
    AuthFailed e =
        catchThrowableOfType(AuthFailed.class, () -> wrongKey.organization().listInvitedUsers());
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage()).doesNotContain("not-the-key");

    TeamActivitiesImpl wrongTeam =
        new TeamActivitiesImpl(Map.of("brevo-main", new BrevoTeam(wrongKey.organization())));
    ApplicationFailure f =
        catchThrowableOfType(ApplicationFailure.class, () -> wrongTeam.listMembers("brevo-main"));
    assertThat(f.getType()).isEqualTo(FailureTypes.AUTH_FAILED);
    assertThat(f.isNonRetryable()).isTrue();
  }

  @Test
  void badRequestIsRejectedWithTheVendorMessage() {
    brevo.fake.faults().failNext(1, 400, Map.of(), ERROR_400);
    Rejected e =
        catchThrowableOfType(
            Rejected.class, () -> brevo.contacts.upsert(new ContactData(ADA, "Ada", null, null)));
    assertThat(e.vendorMessage()).isEqualTo("Invalid email address");

    brevo.fake.faults().failNext(1, 400, Map.of(), ERROR_400);
    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class,
            () -> contacts.upsertContact("brevo-main", new ContactData(ADA, "Ada", null, null)));
    assertThat(f.getType()).isEqualTo(FailureTypes.REJECTED);
    assertThat(f.isNonRetryable()).isTrue();
  }

  @Test
  void serverErrorIsRetryableVendorUnavailable() {
    brevo.fake.faults().failNext(1, 500, Map.of(), "<html>oops</html>");
    VendorUnavailable e =
        catchThrowableOfType(VendorUnavailable.class, () -> brevo.team.listMembers());
    assertThat(e.status()).isEqualTo(500);
    assertThat(e.getMessage()).doesNotContain("oops");

    brevo.fake.faults().failNext(1, 503);
    ApplicationFailure f =
        catchThrowableOfType(ApplicationFailure.class, () -> team.memberStatus("brevo-main", ADA));
    assertThat(f.getType()).isEqualTo(FailureTypes.VENDOR_UNAVAILABLE);
    assertThat(f.isNonRetryable()).isFalse();
  }

  @Test
  void droppedConnectionIsVendorUnavailableAndNotRetriedByTheClient() {
    brevo.fake.faults().dropNext(1);

    VendorUnavailable e =
        catchThrowableOfType(
            VendorUnavailable.class,
            () -> brevo.contacts.upsert(new ContactData(ADA, "Ada", null, null)));

    assertThat(e.status()).isZero();
    assertThat(brevo.fake.contact(ADA)).isEmpty();
    assertThat(brevo.fake.totalCalls()).isEqualTo(1);
  }

  @Test
  void droppedConnectionActivityFailureIsRetryable() {
    brevo.fake.faults().dropNext(1);
    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class, () -> contacts.subscribe("brevo-main", ADA, List.of("2")));
    assertThat(f.getType()).isEqualTo(FailureTypes.VENDOR_UNAVAILABLE);
    assertThat(f.isNonRetryable()).isFalse();
  }

  @Test
  void spentLocalBudgetFailsAsRateLimitedBeforeAnyCall() {
    BrevoClient tight =
        new BrevoClient(
            HttpUrl.get(brevo.fake.baseUrl()),
            new Secret(brevo.fake.apiKey()),
            RateBudget.of(
                "brevo", "brevo-main/organization", new RateBudget.Limit(1, Duration.ofHours(1))),
            RateBudget.of(
                "brevo", "brevo-main/contacts", new RateBudget.Limit(10, Duration.ofSeconds(1))),
            VendorHttp.newClient("brevo", BrevoClient.REQUEST_ID_HEADERS));
    TeamActivitiesImpl tightTeam =
        new TeamActivitiesImpl(Map.of("brevo-main", new BrevoTeam(tight.organization())));
    tightTeam.listMembers("brevo-main");

    ApplicationFailure f =
        catchThrowableOfType(ApplicationFailure.class, () -> tightTeam.listMembers("brevo-main"));

    assertThat(f.getType()).isEqualTo(FailureTypes.RATE_LIMITED);
    assertThat(f.getNextRetryDelay()).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
    assertThat(brevo.fake.totalCalls()).isEqualTo(1);
  }

  @Test
  void unknownAccountIsNonRetryable() {
    ApplicationFailure f =
        catchThrowableOfType(ApplicationFailure.class, () -> team.listMembers("mailjet-eu"));
    assertThat(f.getType()).isEqualTo(FailureTypes.UNKNOWN_ACCOUNT);
    assertThat(f.isNonRetryable()).isTrue();

    ApplicationFailure g =
        catchThrowableOfType(
            ApplicationFailure.class,
            () -> contacts.upsertContact("nope", new ContactData(ADA, null, null, null)));
    assertThat(g.getType()).isEqualTo(FailureTypes.UNKNOWN_ACCOUNT);
  }

  @Test
  void unknownRoleActivityFailureIsNonRetryableRejected() {
    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class, () -> team.invite("brevo-main", ADA, "owner"));
    assertThat(f.getType()).isEqualTo(FailureTypes.REJECTED);
    assertThat(f.isNonRetryable()).isTrue();
  }

  @Test
  void activitiesRouteToTheAccountsConnector() {
    contacts.upsertContact("brevo-main", new ContactData(ADA, "Ada", null, null));
    contacts.subscribe("brevo-main", ADA, List.of("7"));
    team.invite("brevo-main", ADA, "editor");
    team.resendInvitation("brevo-main", ADA);
    team.cancelInvitation("brevo-main", ADA);
    team.removeMember("brevo-main", ADA);

    assertThat(brevo.fake.listMemberEmails(7)).containsExactly(ADA);
    assertThat(brevo.fake.member(ADA)).isEmpty();
  }
}
