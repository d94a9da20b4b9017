package dev.roster.workflows.onboard;

import static dev.roster.workflows.onboard.Onboardings.ADA;
import static dev.roster.workflows.onboard.Onboardings.account;
import static dev.roster.workflows.onboard.Onboardings.request;
import static dev.roster.workflows.onboard.Onboardings.result;
import static dev.roster.workflows.onboard.Onboardings.step;
import static dev.roster.workflows.onboard.Onboardings.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.board.BoardItem;
import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.request.Person;
import dev.roster.workflows.steps.StepState;
import dev.roster.workflows.tasks.TaskCompletion;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.testing.Accounts;
import dev.roster.workflows.testing.FakeControl;
import dev.roster.workflows.testing.FakeImports;
import dev.roster.workflows.testing.FakeVendor;
import dev.roster.workflows.testing.TestRoster;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OnboardUser's decisions per account, with fake activities: what runs, waits, or is refused. */
@Timeout(60)
class OnboardUserDecisionsTest {
  @RegisterExtension static final TestWorkflowExtension temporal = TestRoster.extension();

  @Test
  void anAccountWithoutTeamApiGetsAManualTaskAndTheRestRunsMeanwhile(TestWorkflowEnvironment env) {
    TestRoster roster = TestRoster.start(env, new FakeControl().account(Accounts.manualTeam("mj")));
    OnboardUserWorkflow stub = roster.stub(OnboardUserWorkflow.class, "onboard-manual");
    WorkflowClient.start(stub::onboard, request(team("mj", "viewer", "7")));
    env.sleep(Duration.ofHours(1));

    assertThat(step(stub.status(), "mj", "invite").state()).isEqualTo(StepState.WAITING);
    assertThat(roster.control.board())
        .singleElement()
        .satisfies(i -> assertThat(i.kind()).isEqualTo(BoardItem.MANUAL_TASK))
        .satisfies(i -> assertThat(i.itemId()).isEqualTo("mj-invite"));
    assertThat(roster.vendor.contactOf("mj", ADA).orElseThrow().lists()).containsExactly("7");

    stub.completeManualTask(new TaskCompletion("mj-invite", "dave", "invited in the UI"));

    OnboardResult result = result(stub);
    assertThat(result.outcome()).isEqualTo("COMPLETED");
    assertThat(step(result.status(), "mj", "invite").state()).isEqualTo(StepState.DONE);
    assertThat(step(result.status(), "mj", "acceptance").state()).isEqualTo(StepState.SKIPPED);
    assertThat(roster.vendor.count("invite")).isZero();
    assertThat(roster.control.board()).isEmpty();
  }

  @Test
  void aDecisionUpdateOnARequestWithNothingToApproveIsRefusedToTheCaller(
      TestWorkflowEnvironment env) {
    TestRoster roster = TestRoster.start(env, new FakeControl().account(Accounts.manualTeam("mj")));
    OnboardUserWorkflow stub = roster.stub(OnboardUserWorkflow.class, "onboard-no-approval");
    WorkflowClient.start(stub::onboard, request(team("mj", "viewer", "7")));
    env.sleep(Duration.ofHours(1));

    assertThatThrownBy(() -> stub.approveNow(new Decision("bob", null, "test")))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .hasMessageContaining("nothing is waiting for a decision (approval: not-required)");
    assertThat(stub.status().approval().refused()).isEmpty();

    assertThat(stub.cancelNow(new Decision("carol", "wrong person", "test")).result())
        .isEqualTo("withdrawn");
    assertThat(result(stub).outcome()).isEqualTo("CANCELLED");
  }

  @Test
  void anInvalidRequestIsRefusedBeforeAnythingRuns(TestWorkflowEnvironment env) {
    TestRoster roster = TestRoster.start(env, new FakeControl().account(Accounts.immediate("li")));
    OnboardUserWorkflow stub = roster.stub(OnboardUserWorkflow.class, "onboard-invalid");
    OnboardRequest bad =
        new OnboardRequest(
            new Person("not-an-email", null, null),
            List.of(team("li", "superuser")),
            null,
            "carol");

    assertThatThrownBy(() -> stub.onboard(bad))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_REQUEST));
    assertThat(roster.control.subjectLookups()).isZero();
    assertThat(roster.vendor.calls()).isEmpty();
  }

  @Test
  void aFailedStepEndsItsAccountOnlyAndIsReportedWithItsType(TestWorkflowEnvironment env) {
    FakeVendor vendor = new FakeVendor().immediate("li").fail("subscribe", 1, "Rejected");
    TestRoster roster =
        TestRoster.start(
            env,
            new FakeControl()
                .account(Accounts.invitations("acme"))
                .account(Accounts.immediate("li")),
            vendor,
            new FakeImports());
    OnboardUserWorkflow stub = roster.stub(OnboardUserWorkflow.class, "onboard-step-failed");

    OnboardResult result = stub.onboard(request(team("acme", null, "9"), team("li", "viewer")));

    assertThat(result.outcome()).isEqualTo("PARTIAL");
    assertThat(account(result.status(), "acme").outcome()).isEqualTo(StepState.FAILED);
    assertThat(step(result.status(), "acme", "lists").state()).isEqualTo(StepState.FAILED);
    assertThat(step(result.status(), "acme", "lists").detail()).startsWith(FailureTypes.REJECTED);
    assertThat(account(result.status(), "li").outcome()).isEqualTo(StepState.DONE);
    assertThat(vendor.memberOf("li", ADA)).isEqualTo(MemberStatus.ACTIVE);
  }

  @Test
  void onlyThePrivilegedAccountWaitsForTheApprovalAndARejectionSkipsIt(
      TestWorkflowEnvironment env) {
    FakeVendor vendor = new FakeVendor().immediate("li");
    TestRoster roster =
        TestRoster.start(
            env,
            new FakeControl()
                .account(Accounts.invitations("acme"))
                .account(Accounts.immediate("li")),
            vendor,
            new FakeImports());
    OnboardUserWorkflow stub = roster.stub(OnboardUserWorkflow.class, "onboard-privileged");
    WorkflowClient.start(stub::onboard, request(team("acme", "admin"), team("li", "viewer")));
    env.sleep(Duration.ofHours(1));

    assertThat(step(stub.status(), "acme", "approval").state()).isEqualTo(StepState.WAITING);
    assertThat(vendor.memberOf("li", ADA)).isEqualTo(MemberStatus.ACTIVE);
    assertThat(vendor.memberOf("acme", ADA)).isEqualTo(MemberStatus.ABSENT);

    stub.reject(new Decision("bob", "too much", "test"));

    OnboardResult result = result(stub);
    assertThat(result.outcome()).isEqualTo("PARTIAL");
    assertThat(account(result.status(), "acme").outcome()).isEqualTo(StepState.REJECTED);
    assertThat(step(result.status(), "acme", "invite").state()).isEqualTo(StepState.SKIPPED);
    assertThat(vendor.calls()).noneMatch(c -> c.contains(" acme "));
  }
}
