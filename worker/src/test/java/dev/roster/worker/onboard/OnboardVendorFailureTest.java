package dev.roster.worker.onboard;

import static dev.roster.worker.onboard.OnboardInvitationTest.step;
import static dev.roster.worker.onboard.OnboardTestbed.SEND_INVITATION;
import static dev.roster.worker.onboard.OnboardTestbed.TEAM_LISTING;
import static dev.roster.worker.onboard.OnboardTestbed.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.brevo.Member;
import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.steps.Step;
import dev.roster.workflows.steps.StepState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How vendor trouble shapes the retries: throttling waits, refused credentials stop at once. */
class OnboardVendorFailureTest {
  private static final String EMAIL = "katherine.johnson@example.com";

  @Test
  @Timeout(60)
  void rateLimitedInviteWaitsForResetHeader() {
    try (OnboardTestbed bed = OnboardTestbed.builder().start()) {
      // The invite is the first vendor call of the request, so it meets both 429s.
      bed.fake
          .faults()
          .failNext(
              2,
              429,
              Map.of("x-sib-ratelimit-reset", "120"),
              "{\"code\":\"too_many_requests\",\"message\":\"slow down\"}");

      OnboardResult result = bed.run("onboard-throttled", request(EMAIL, "viewer", "carol"));

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(bed.fake.faultedCalls()).isEqualTo(2);
      Member member = bed.fake.member(EMAIL).orElseThrow();
      Instant start = bed.startedAt("onboard-throttled");
      // Two retries, each no sooner than the 120 s Brevo asked for.
      assertThat(member.invitedAt()).isAfterOrEqualTo(start.plus(Duration.ofSeconds(240)));
    }
  }

  @Test
  @Timeout(60)
  void authFailureFailsFastWithoutRetries() {
    try (OnboardTestbed bed = OnboardTestbed.builder().wrongApiKey().start()) {
      OnboardResult result = bed.run("onboard-bad-key", request(EMAIL, "viewer", "carol", "2"));

      assertThat(result.outcome()).isEqualTo("FAILED");
      AccountReport account = result.status().accounts().get(0);
      assertThat(account.outcome()).isEqualTo(StepState.FAILED);
      Step invite = step(account, "invite");
      assertThat(invite.state()).isEqualTo(StepState.FAILED);
      assertThat(invite.detail()).startsWith(FailureTypes.AUTH_FAILED);
      assertThat(step(account, "contact").state()).isEqualTo(StepState.SKIPPED);
      // BrevoConnector.invite looks the person up before inviting: that listing is the one call,
      // answered 401, and nothing retried it.
      assertThat(bed.fake.calls("GET", TEAM_LISTING)).isEqualTo(1);
      assertThat(bed.fake.calls("POST", SEND_INVITATION)).isZero();
      assertThat(bed.fake.totalCalls()).isEqualTo(1);
      assertThat(bed.fake.members()).noneMatch(m -> m.email().equals(EMAIL));
    }
  }
}
