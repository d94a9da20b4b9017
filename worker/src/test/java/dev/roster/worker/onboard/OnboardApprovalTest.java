package dev.roster.worker.onboard;

import static dev.roster.worker.onboard.OnboardInvitationTest.step;
import static dev.roster.worker.onboard.OnboardTestbed.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.brevo.Member;
import dev.roster.workflows.approval.ApprovalStatus;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardStatus;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.steps.StepState;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A privileged role (admin) waits for a person other than the requester; nothing reaches the vendor
 * before that. Synchronisation is by time-skipping sleeps of the test environment, which return
 * only once the workflows are idle on timers.
 */
class OnboardApprovalTest {
  private static final String EMAIL = "grace.hopper@example.com";

  @Test
  @Timeout(60)
  void privilegedRoleWaitsForApprovalThenInvites() {
    try (OnboardTestbed bed = OnboardTestbed.builder().start()) {
      OnboardUserWorkflow stub = bed.start("onboard-admin", request(EMAIL, "admin", "carol", "2"));
      bed.env.sleep(Duration.ofHours(1));

      OnboardStatus waiting = stub.status();
      assertThat(waiting.approval().state()).isEqualTo("waiting");
      assertThat(step(waiting.accounts().get(0), "approval").state()).isEqualTo(StepState.WAITING);
      assertThat(bed.fake.member(EMAIL)).isEmpty();
      assertThat(bed.fake.contact(EMAIL)).isEmpty();

      stub.approve(new Decision("bob", "ok", "test"));
      OnboardResult result = OnboardTestbed.result(stub);

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(result.status().approval().state()).isEqualTo("approved");
      Member member = bed.fake.member(EMAIL).orElseThrow();
      assertThat(member.allFeaturesAccess()).isTrue();
      assertThat(member.isActive()).isTrue();
    }
  }

  @Test
  @Timeout(60)
  void rejectedApprovalInvitesNobody() {
    try (OnboardTestbed bed = OnboardTestbed.builder().start()) {
      OnboardUserWorkflow stub = bed.start("onboard-reject", request(EMAIL, "admin", "carol", "2"));
      bed.env.sleep(Duration.ofHours(1));

      stub.reject(new Decision("bob", "no", "test"));
      OnboardResult result = OnboardTestbed.result(stub);

      assertThat(result.outcome()).isEqualTo("REJECTED");
      assertThat(result.status().approval().state()).isEqualTo("rejected");
      AccountReport account = result.status().accounts().get(0);
      assertThat(account.outcome()).isEqualTo(StepState.REJECTED);
      assertThat(step(account, "invite").state()).isEqualTo(StepState.SKIPPED);
      assertThat(bed.fake.member(EMAIL)).isEmpty();
      assertThat(bed.fake.contact(EMAIL)).isEmpty();
    }
  }

  @Test
  @Timeout(60)
  void approvalTimeoutEndsRequestCleanly() {
    try (OnboardTestbed bed = OnboardTestbed.builder().start()) {
      OnboardResult result = bed.run("onboard-timeout", request(EMAIL, "admin", "carol", "2"));

      assertThat(result.outcome()).isEqualTo("REJECTED");
      ApprovalStatus approval = result.status().approval();
      assertThat(approval.state()).isEqualTo("timed-out");
      assertThat(approval.reminders()).isGreaterThanOrEqualTo(1);
      AccountReport account = result.status().accounts().get(0);
      assertThat(step(account, "approval").state()).isEqualTo(StepState.EXPIRED);
      assertThat(bed.fake.member(EMAIL)).isEmpty();
      assertThat(bed.fake.contact(EMAIL)).isEmpty();
      // It ended at the configured timeout (2 days), not before.
      assertThat(bed.elapsed("onboard-timeout")).isGreaterThanOrEqualTo(Duration.ofDays(2));
    }
  }

  @Test
  @Timeout(60)
  void approvalByRequesterIsRefused() {
    try (OnboardTestbed bed = OnboardTestbed.builder().start()) {
      OnboardUserWorkflow stub = bed.start("onboard-self", request(EMAIL, "admin", "carol", "2"));
      bed.env.sleep(Duration.ofHours(1));

      // Same person, different case and spacing: still the requester.
      stub.approve(new Decision(" Carol", "approving my own request", "test"));
      bed.env.sleep(Duration.ofHours(1));

      OnboardStatus refused = stub.status();
      assertThat(refused.approval().state()).isEqualTo("waiting");
      assertThat(refused.approval().decision()).isNull();
      assertThat(refused.approval().refused()).isNotEmpty();
      assertThat(bed.fake.member(EMAIL)).isEmpty();

      stub.approve(new Decision("bob", "ok", "test"));
      OnboardResult result = OnboardTestbed.result(stub);

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(result.status().approval().decision().by()).isEqualTo("bob");
      assertThat(bed.fake.member(EMAIL)).get().extracting(Member::isActive).isEqualTo(true);
    }
  }
}
