package dev.roster.workflows.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.workflows.board.BoardItem;
import dev.roster.workflows.notice.Notice;
import dev.roster.workflows.testing.Accounts;
import dev.roster.workflows.testing.FakeControl;
import dev.roster.workflows.testing.FakeImports;
import dev.roster.workflows.testing.FakeVendor;
import dev.roster.workflows.testing.TestRoster;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The approval gate alone, in a workflow that is nothing else: who may decide, reminders, the clean
 * end when nobody answers, a withdrawal, and the request board meanwhile. Waits are reached with
 * the time-skipping environment's sleep, which returns once the workflow is idle on its timers.
 */
@Timeout(60)
class ApprovalGateTest {
  @RegisterExtension static final TestWorkflowExtension temporal = TestRoster.extension();

  private static final Decision BOB = new Decision("bob", "fine", "test");

  private GatedRequest waiting(TestRoster roster, String id) {
    GatedRequest gate = roster.stub(GatedRequest.class, id);
    WorkflowClient.start(gate::decide, "carol", "admin on acme");
    roster.env.sleep(Duration.ofHours(1));
    assertThat(gate.status().state()).isEqualTo("waiting");
    return gate;
  }

  private static TestRoster start(TestWorkflowEnvironment env, FakeControl control) {
    return TestRoster.start(
        env, control, new FakeVendor(), new FakeImports(), GatedRequestImpl.class);
  }

  private static ApprovalGate.Result result(GatedRequest gate) {
    return WorkflowStub.fromTyped(gate).getResult(ApprovalGate.Result.class);
  }

  @Test
  void anApprovalByAnotherPersonOpensTheGateAndLeavesTheBoard(TestWorkflowEnvironment env) {
    FakeControl control = new FakeControl();
    GatedRequest gate = waiting(start(env, control), "gate-approve");
    BoardItem listed = control.board().get(0);
    assertThat(listed.kind()).isEqualTo(BoardItem.APPROVAL);
    assertThat(listed.requestedBy()).isEqualTo("carol");
    assertThat(listed.about()).doesNotContain("ada@example.com");

    gate.approve(BOB);

    assertThat(result(gate)).isEqualTo(ApprovalGate.Result.APPROVED);
    assertThat(gate.status().state()).isEqualTo("approved");
    assertThat(gate.status().decision().by()).isEqualTo("bob");
    assertThat(control.board()).isEmpty();
  }

  @Test
  void aRejectionClosesTheGate(TestWorkflowEnvironment env) {
    FakeControl control = new FakeControl();
    GatedRequest gate = waiting(start(env, control), "gate-reject");

    gate.reject(BOB);

    assertThat(result(gate)).isEqualTo(ApprovalGate.Result.REJECTED);
    assertThat(gate.status().state()).isEqualTo("rejected");
    assertThat(control.board()).isEmpty();
  }

  @Test
  void theRequesterCanNeverDecideTheirOwnRequest(TestWorkflowEnvironment env) {
    GatedRequest gate = waiting(start(env, new FakeControl()), "gate-requester");

    gate.approve(new Decision(" Carol ", "me", "test"));
    gate.reject(new Decision("CAROL", "me", "test"));
    gate.approve(new Decision(" ", null, "test"));
    env.sleep(Duration.ofHours(1));

    ApprovalStatus status = gate.status();
    assertThat(status.state()).isEqualTo("waiting");
    assertThat(status.refused()).hasSize(3);
    gate.approve(BOB);
    assertThat(result(gate)).isEqualTo(ApprovalGate.Result.APPROVED);
  }

  @Test
  void nobodyAnsweringRemindsDailyThenEndsTimedOut(TestWorkflowEnvironment env) {
    FakeControl control = new FakeControl(); // 3 days to decide, a reminder every day
    TestRoster roster = start(env, control);
    GatedRequest gate = roster.stub(GatedRequest.class, "gate-timeout");

    ApprovalGate.Result result = gate.decide("carol", "admin on acme");

    assertThat(result).isEqualTo(ApprovalGate.Result.TIMED_OUT);
    assertThat(gate.status().state()).isEqualTo("timed-out");
    assertThat(gate.status().reminders()).isEqualTo(2);
    assertThat(control.notices("approval-reminder"))
        .hasSize(2)
        .allSatisfy(n -> assertThat(n.ticket()).isEqualTo("RITM0000001"));
    assertThat(control.notices("approval-timeout")).hasSize(1);
    assertThat(control.board()).isEmpty();
  }

  @Test
  void aWithdrawalEndsTheWaitAndLaterDecisionsDoNotCount(TestWorkflowEnvironment env) {
    FakeControl control =
        new FakeControl()
            .policy(
                new ApprovalPolicy(Accounts.POLICY.privilegedRoles(), Duration.ofDays(3), null));
    GatedRequest gate = waiting(start(env, control), "gate-withdraw");

    gate.withdraw(new Decision("carol", "not needed", "test"));

    assertThat(result(gate)).isEqualTo(ApprovalGate.Result.CANCELLED);
    ApprovalStatus status = gate.status();
    assertThat(status.state()).isEqualTo("withdrawn");
    assertThat(status.decision().by()).isEqualTo("carol");
    assertThat(status.reminders()).isZero();
    assertThat(control.notices("approval-reminder")).isEmpty();
    assertThat(control.board()).isEmpty();
    assertThat(control.notices(Notice.DONE_COMPLETE)).isEmpty();
  }

  @Test
  void aCancelledWaitTakesItsItemOffTheBoard(TestWorkflowEnvironment env) {
    FakeControl control = new FakeControl();
    GatedRequest gate = waiting(start(env, control), "gate-cancel");
    assertThat(control.board()).hasSize(1);

    WorkflowStub.fromTyped(gate).cancel();

    assertThatThrownBy(() -> result(gate))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    assertThat(control.board()).isEmpty();
    assertThat(control.notices("approval-timeout")).isEmpty();
  }
}
