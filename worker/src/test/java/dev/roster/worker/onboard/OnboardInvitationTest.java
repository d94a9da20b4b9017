package dev.roster.worker.onboard;

import static dev.roster.worker.onboard.OnboardTestbed.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.brevo.Member;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardStatus;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.steps.Step;
import dev.roster.workflows.steps.StepState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Waiting for a team invitation to be accepted: acceptance, the resend and the expiry. */
class OnboardInvitationTest {
  private static final String EMAIL = "ada.lovelace@example.com";

  @Test
  @Timeout(60)
  void invitationAcceptedAfterTwoDaysCompletesOnboarding() {
    try (OnboardTestbed bed = OnboardTestbed.builder().acceptAfter(Duration.ofDays(2)).start()) {
      OnboardResult result = bed.run("onboard-accepted", request(EMAIL, "viewer", "carol", "2"));

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(bed.fake.member(EMAIL)).get().extracting(Member::isActive).isEqualTo(true);
      assertThat(bed.fake.contact(EMAIL)).isPresent();
      assertThat(bed.fake.listMemberEmails(2)).contains(EMAIL);
      // It really waited for the person: the fake only accepts two days after the invitation.
      assertThat(bed.elapsed("onboard-accepted")).isGreaterThanOrEqualTo(Duration.ofDays(2));
    }
  }

  @Test
  @Timeout(60)
  void unacceptedInvitationIsResentOnConfiguredDay() {
    try (OnboardTestbed bed = OnboardTestbed.builder().acceptAfter(null).start()) {
      OnboardUserWorkflow stub = bed.start("onboard-resend", request(EMAIL, "viewer", "carol"));

      bed.env.sleep(Duration.ofDays(3).plusHours(2));

      Member member = bed.fake.member(EMAIL).orElseThrow();
      assertThat(member.isPending()).isTrue();
      assertThat(member.resendCount()).isEqualTo(1);
      Instant sent = bed.startedAt("onboard-resend");
      assertThat(member.invitedAt()).isAfterOrEqualTo(sent.plus(Duration.ofDays(3)));
      OnboardStatus status = stub.status();
      assertThat(step(status.accounts().get(0), "acceptance").state()).isEqualTo(StepState.WAITING);
      assertThat(status.phase()).isNotEqualTo("done");
    }
  }

  @Test
  @Timeout(60)
  void expiredInvitationIsCancelledInSandbox() {
    try (OnboardTestbed bed = OnboardTestbed.builder().acceptAfter(null).start()) {
      OnboardResult result = bed.run("onboard-expired", request(EMAIL, "viewer", "carol"));

      AccountReport account = result.status().accounts().get(0);
      assertThat(account.outcome()).isEqualTo(StepState.EXPIRED);
      assertThat(step(account, "acceptance").state()).isEqualTo(StepState.EXPIRED);
      assertThat(result.outcome()).isNotEqualTo("COMPLETED");
      assertThat(bed.fake.member(EMAIL)).isEmpty();
      assertThat(bed.elapsed("onboard-expired")).isGreaterThanOrEqualTo(Duration.ofDays(7));
    }
  }

  static Step step(AccountReport account, String name) {
    return account.steps().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step " + name + " in " + account.steps()));
  }
}
