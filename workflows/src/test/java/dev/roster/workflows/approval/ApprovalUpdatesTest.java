package dev.roster.workflows.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.workflows.board.BoardItem;
import dev.roster.workflows.testing.FakeControl;
import dev.roster.workflows.testing.FakeImports;
import dev.roster.workflows.testing.FakeVendor;
import dev.roster.workflows.testing.TestRoster;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Decisions as Updates against a policy: the caller hears at once why a decision is refused, a
 * refused one changes nothing (no event, no entry in the status), and an erasure that the policy
 * gives to two approvers needs two different allowed people. The gate waits for an erasure on
 * account {@code acme}, requested by carol.
 */
@Timeout(60)
class ApprovalUpdatesTest {
  @RegisterExtension static final TestWorkflowExtension temporal = TestRoster.extension();

  /** Bob by name or anyone in the privacy group (erin) may approve erasures; two must. */
  private static final ApprovalPolicy TWO_FOR_ERASURE =
      new ApprovalPolicy(
          List.of("admin"),
          Duration.ofDays(3),
          Duration.ofDays(1),
          List.of(
              new ApproverRule(
                  ApproverRule.ERASURE, List.of(), List.of("bob"), List.of("privacy"), 2)),
          Map.of("privacy", List.of("erin", "frank")));

  private static final ApprovalPolicy ONE_FOR_ERASURE =
      new ApprovalPolicy(
          List.of("admin"),
          Duration.ofDays(3),
          Duration.ofDays(1),
          List.of(new ApproverRule(ApproverRule.ERASURE, List.of("acme"), List.of("bob"), null, 1)),
          Map.of());

  private static GatedRequest waiting(TestWorkflowEnvironment env, ApprovalPolicy policy) {
    TestRoster roster =
        TestRoster.start(
            env,
            new FakeControl().policy(policy),
            new FakeVendor(),
            new FakeImports(),
            GatedRequestImpl.class);
    GatedRequest gate = roster.stub(GatedRequest.class, "gate-updates");
    WorkflowClient.start(gate::decide, "carol", "erase ada on acme");
    roster.env.sleep(Duration.ofHours(1));
    assertThat(gate.status().state()).isEqualTo("waiting");
    return gate;
  }

  private static Decision by(String name) {
    return new Decision(name, "ok", "test");
  }

  private static void assertRefused(Runnable update, String reason) {
    assertThatThrownBy(update::run)
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .hasMessageContaining(reason);
  }

  private static long updateEvents(TestWorkflowEnvironment env, GatedRequest gate) {
    String id = WorkflowStub.fromTyped(gate).getExecution().getWorkflowId();
    return env.getWorkflowClient().fetchHistory(id).getHistory().getEventsList().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
        .count();
  }

  @Test
  void theRequesterSomeoneOutsideThePolicyAndNobodyAreRefusedAndChangeNothing(
      TestWorkflowEnvironment env) {
    GatedRequest gate = waiting(env, ONE_FOR_ERASURE);

    assertRefused(
        () -> gate.approveNow(by("Carol")), "the requester cannot decide their own request");
    assertRefused(
        () -> gate.approveNow(by("mallory")),
        "mallory may not approve erasure on acme (allowed: bob)");
    assertRefused(() -> gate.rejectNow(by("mallory")), "mallory may not approve erasure");
    assertRefused(() -> gate.approveNow(new Decision(" ", null, "test")), "no approver named");

    ApprovalStatus status = gate.status();
    assertThat(status.state()).isEqualTo("waiting");
    assertThat(status.refused()).isEmpty();
    assertThat(status.approvals()).isEmpty();
    assertThat(status.approvers()).isEqualTo("bob");
    assertThat(updateEvents(env, gate)).isZero();
  }

  @Test
  void anAllowedApproverApproves(TestWorkflowEnvironment env) {
    GatedRequest gate = waiting(env, ONE_FOR_ERASURE);

    DecisionOutcome outcome = gate.approveNow(by("bob"));

    assertThat(outcome.result()).isEqualTo("approved");
    assertRefused(() -> gate.cancelNow(by("carol")), "nothing to withdraw: not waiting");
    assertThat(WorkflowStub.fromTyped(gate).getResult(ApprovalGate.Result.class))
        .isEqualTo(ApprovalGate.Result.APPROVED);
    assertThat(gate.status().decision().by()).isEqualTo("bob");
  }

  @Test
  void anAlreadyDecidedRequestRefusesTheNextDecision(TestWorkflowEnvironment env) {
    GatedRequest gate = waiting(env, TWO_FOR_ERASURE);
    gate.rejectNow(by("erin"));

    assertThat(gate.status().state()).isEqualTo("rejected");
    assertRefused(() -> gate.approveNow(by("bob")), "already decided by erin");
  }

  @Test
  void aSignalFromOutsideThePolicyIsRecordedAsRefusedAndDecidesNothing(
      TestWorkflowEnvironment env) {
    GatedRequest gate = waiting(env, ONE_FOR_ERASURE);

    gate.approve(by("mallory"));
    gate.approve(by("bob"));

    assertThat(WorkflowStub.fromTyped(gate).getResult(ApprovalGate.Result.class))
        .isEqualTo(ApprovalGate.Result.APPROVED);
    assertThat(gate.status().decision().by()).isEqualTo("bob");
    assertThat(gate.status().refused())
        .containsExactly(
            "approve by mallory: mallory may not approve erasure on acme (allowed: bob)");
  }

  @Test
  void twoApproverErasureNeedsTwoDifferentAllowedPeople(TestWorkflowEnvironment env) {
    GatedRequest gate = waiting(env, TWO_FOR_ERASURE);

    DecisionOutcome first = gate.approveNow(by("erin"));
    assertThat(first.result()).isEqualTo("recorded");
    assertThat(first.detail()).contains("1 of 2");
    assertRefused(() -> gate.approveNow(by("ERIN")), "a different allowed person must approve");
    assertRefused(() -> gate.approveNow(by("mallory")), "allowed: bob, group privacy");
    assertThat(gate.status().state()).isEqualTo("waiting");

    DecisionOutcome second = gate.approveNow(by("bob"));

    assertThat(second.result()).isEqualTo("approved");
    assertThat(WorkflowStub.fromTyped(gate).getResult(ApprovalGate.Result.class))
        .isEqualTo(ApprovalGate.Result.APPROVED);
    assertThat(gate.status().approvals()).extracting(Decision::by).containsExactly("erin", "bob");
  }

  @Test
  void theBoardShowsWhoMayDecide(TestWorkflowEnvironment env) {
    FakeControl control = new FakeControl().policy(TWO_FOR_ERASURE);
    TestRoster roster =
        TestRoster.start(env, control, new FakeVendor(), new FakeImports(), GatedRequestImpl.class);
    GatedRequest gate = roster.stub(GatedRequest.class, "gate-board");
    WorkflowClient.start(gate::decide, "carol", "erase ada on acme");
    roster.env.sleep(Duration.ofHours(1));

    BoardItem listed = control.board().get(0);
    assertThat(listed.approvers()).isEqualTo("bob, group privacy");
  }

  @Test
  void aCancelUpdateWithdraws(TestWorkflowEnvironment env) {
    GatedRequest gate = waiting(env, ONE_FOR_ERASURE);

    assertThat(gate.cancelNow(by("carol")).result()).isEqualTo("withdrawn");
    assertRefused(() -> gate.cancelNow(by("dave")), "nothing to withdraw: not waiting");

    assertThat(WorkflowStub.fromTyped(gate).getResult(ApprovalGate.Result.class))
        .isEqualTo(ApprovalGate.Result.CANCELLED);
    assertThat(gate.status().decision().by()).isEqualTo("carol");
  }
}
