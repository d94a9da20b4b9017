package dev.roster.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.activities.brevo.BrevoClient;
import dev.roster.activities.brevo.BrevoTeam;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.VendorHttp;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.team.InviteOutcome;
import dev.roster.workflows.team.TeamActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The activity implementation as Temporal runs it: failures cross the SDK's conversion. */
class TeamActivitiesOnTemporalTest {
  private static final String ADA = "ada@example.com";

  private FakeBrevo fake;
  private TestActivityEnvironment env;
  private TeamActivities activities;

  @BeforeEach
  void start() {
    fake = FakeBrevo.start();
    BrevoClient client =
        new BrevoClient(
            HttpUrl.get(fake.baseUrl()),
            new Secret(fake.apiKey()),
            RateBudget.of(
                "brevo", "brevo-main/organization", new RateBudget.Limit(100, Duration.ofHours(1))),
            RateBudget.of(
                "brevo", "brevo-main/contacts", new RateBudget.Limit(10, Duration.ofSeconds(1))),
            VendorHttp.newClient("brevo", BrevoClient.REQUEST_ID_HEADERS));
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new TeamActivitiesImpl(
            Map.<String, TeamConnector>of("brevo-main", new BrevoTeam(client.organization()))));
    activities =
        env.newActivityStub(
            TeamActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  @AfterEach
  void stop() {
    env.close();
    fake.close();
  }

  @Test
  void inviteThroughTemporalReturnsTheOutcome() {
    assertThat(activities.invite("brevo-main", ADA, "viewer")).isEqualTo(InviteOutcome.INVITED);
    assertThat(activities.invite("brevo-main", ADA, "viewer"))
        .isEqualTo(InviteOutcome.ALREADY_PENDING);
  }

  @Test
  void rateLimitedInviteReachesTheWorkflowAsRetryableRateLimited() {
    fake.faults().failNext(1, 429, Map.of("x-sib-ratelimit-reset", "7"), "");

    ActivityFailure failure =
        catchThrowableOfType(
            ActivityFailure.class, () -> activities.invite("brevo-main", ADA, "viewer"));

    ApplicationFailure cause = (ApplicationFailure) failure.getCause();
    assertThat(cause.getType()).isEqualTo(FailureTypes.RATE_LIMITED);
    assertThat(cause.isNonRetryable()).isFalse();
    assertThat(cause.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void unknownAccountReachesTheWorkflowAsNonRetryable() {
    ActivityFailure failure =
        catchThrowableOfType(ActivityFailure.class, () -> activities.listMembers("nope"));

    ApplicationFailure cause = (ApplicationFailure) failure.getCause();
    assertThat(cause.getType()).isEqualTo(FailureTypes.UNKNOWN_ACCOUNT);
    assertThat(cause.isNonRetryable()).isTrue();
  }
}
