package dev.roster.workflows.onboard;

import static dev.roster.workflows.onboard.Onboardings.ADA;
import static dev.roster.workflows.onboard.Onboardings.request;
import static dev.roster.workflows.onboard.Onboardings.result;
import static dev.roster.workflows.onboard.Onboardings.step;
import static dev.roster.workflows.onboard.Onboardings.team;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.steps.StepState;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.testing.Accounts;
import dev.roster.workflows.testing.FakeControl;
import dev.roster.workflows.testing.TestRoster;
import dev.roster.workflows.watcher.InvitationUpdate;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OnboardUser's wait for an invitation to be accepted ({@link InvitationWait}): the account's
 * watcher (here the test) signals acceptance or a disappearance; the wait itself resends once after
 * 3 days and cancels at 7, all on workflow timers.
 */
@Timeout(60)
class InvitationWaitTest {
  @RegisterExtension static final TestWorkflowExtension temporal = TestRoster.extension();

  private static TestRoster roster(TestWorkflowEnvironment env) {
    return TestRoster.start(env, new FakeControl().account(Accounts.invitations("acme")));
  }

  private static OnboardUserWorkflow invited(TestRoster roster, String id) {
    OnboardUserWorkflow stub = roster.stub(OnboardUserWorkflow.class, id);
    WorkflowClient.start(stub::onboard, request(team("acme", "viewer")));
    roster.env.sleep(Duration.ofHours(1));
    assertThat(step(stub.status(), "acme", "acceptance").state()).isEqualTo(StepState.WAITING);
    return stub;
  }

  @Test
  void theWatchersAcceptanceEndsTheWait(TestWorkflowEnvironment env) {
    TestRoster roster = roster(env);
    OnboardUserWorkflow stub = invited(roster, "onboard-accepted");
    assertThat(roster.control.watched("acme", "onboard-accepted")).isTrue();

    stub.invitationChanged(new InvitationUpdate("acme", MemberStatus.ACTIVE));

    OnboardResult result = result(stub);
    assertThat(result.outcome()).isEqualTo("COMPLETED");
    assertThat(step(result.status(), "acme", "acceptance").state()).isEqualTo(StepState.DONE);
    assertThat(roster.vendor.count("invite")).isEqualTo(1);
    assertThat(roster.vendor.count("resendInvitation")).isZero();
  }

  @Test
  void anUnansweredInvitationIsResentOnceThenCancelledAtExpiry(TestWorkflowEnvironment env) {
    TestRoster roster = roster(env);
    OnboardUserWorkflow stub = roster.stub(OnboardUserWorkflow.class, "onboard-expired");

    OnboardResult result = stub.onboard(request(team("acme", "viewer")));

    assertThat(step(result.status(), "acme", "acceptance").state()).isEqualTo(StepState.EXPIRED);
    assertThat(result.outcome()).isEqualTo("FAILED");
    assertThat(roster.vendor.count("resendInvitation")).isEqualTo(1);
    assertThat(roster.vendor.count("cancelInvitation")).isEqualTo(1);
    assertThat(roster.vendor.memberOf("acme", ADA)).isEqualTo(MemberStatus.ABSENT);
    assertThat(roster.control.watched("acme", "onboard-expired")).isFalse();
    assertThat(roster.control.notices("invitation-expired")).hasSize(1);
  }

  @Test
  void anAcceptanceTheWatcherHasNotSeenYetCountsAtExpiry(TestWorkflowEnvironment env) {
    TestRoster roster = roster(env);
    OnboardUserWorkflow stub = invited(roster, "onboard-late");
    env.sleep(Duration.ofDays(5));
    roster.vendor.accept("acme", ADA); // accepted at the vendor; no signal yet

    OnboardResult result = result(stub);

    assertThat(result.outcome()).isEqualTo("COMPLETED");
    assertThat(step(result.status(), "acme", "acceptance").state()).isEqualTo(StepState.DONE);
    assertThat(roster.vendor.memberOf("acme", ADA)).isEqualTo(MemberStatus.ACTIVE);
    assertThat(roster.control.notices("invitation-expired")).isEmpty();
  }

  @Test
  void aVanishedInvitationIsSentAgainOnceAndASecondVanishingFails(TestWorkflowEnvironment env) {
    TestRoster roster = roster(env);
    OnboardUserWorkflow stub = invited(roster, "onboard-vanished");
    roster.vendor.member("acme", ADA, MemberStatus.ABSENT);

    stub.invitationChanged(new InvitationUpdate("acme", MemberStatus.ABSENT));
    env.sleep(Duration.ofHours(1));

    assertThat(roster.vendor.count("invite")).isEqualTo(2);
    assertThat(roster.vendor.memberOf("acme", ADA)).isEqualTo(MemberStatus.PENDING);
    assertThat(step(stub.status(), "acme", "acceptance").state()).isEqualTo(StepState.WAITING);

    stub.invitationChanged(new InvitationUpdate("acme", MemberStatus.ABSENT));

    OnboardResult result = result(stub);
    assertThat(step(result.status(), "acme", "acceptance").state()).isEqualTo(StepState.FAILED);
    assertThat(roster.vendor.count("invite")).isEqualTo(2);
  }
}
