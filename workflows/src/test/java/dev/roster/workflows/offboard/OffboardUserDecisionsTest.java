package dev.roster.workflows.offboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.request.Person;
import dev.roster.workflows.steps.Step;
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
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OffboardUser's decisions with fake activities: the reversible steps first, erasure only after an
 * approval, a plan that changes nothing, a manual check beside the rest, refusals and failures.
 */
@Timeout(60)
class OffboardUserDecisionsTest {
  @RegisterExtension static final TestWorkflowExtension temporal = TestRoster.extension();

  private static final String ADA = "ada@example.com";

  private static OffboardRequest request(boolean erase, boolean planOnly, String... accounts) {
    return new OffboardRequest(
        new Person(ADA, "Ada", null), List.of(accounts), erase, null, "carol", planOnly);
  }

  private static FakeVendor knownAt(String account) {
    return new FakeVendor().member(account, ADA, MemberStatus.ACTIVE).contact(account, ADA, "7");
  }

  private static TestRoster roster(TestWorkflowEnvironment env, FakeVendor vendor) {
    FakeControl control =
        new FakeControl()
            .account(Accounts.invitations("acme"))
            .account(Accounts.manualTeam("mj"))
            .runningOnboarding("onboard-s-1");
    return TestRoster.start(env, control, vendor, new FakeImports());
  }

  private static OffboardUserWorkflow waitingForErasure(TestRoster roster, String id) {
    OffboardUserWorkflow stub = roster.stub(OffboardUserWorkflow.class, id);
    WorkflowClient.start(stub::offboard, request(true, false, "acme"));
    roster.env.sleep(Duration.ofHours(1));
    assertThat(stub.status().phase()).isEqualTo("approval");
    return stub;
  }

  private static Step step(OffboardStatus status, String account, String name) {
    AccountReport report =
        status.accounts().stream().filter(a -> a.account().equals(account)).findFirst().get();
    return report.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static OffboardResult result(OffboardUserWorkflow stub) {
    return WorkflowStub.fromTyped(stub).getResult(OffboardResult.class);
  }

  @Test
  void everythingReversibleHappensBeforeTheErasureWaitsForItsApproval(TestWorkflowEnvironment env) {
    FakeVendor vendor = knownAt("acme");
    TestRoster roster = roster(env, vendor);
    OffboardUserWorkflow stub = waitingForErasure(roster, "offboard-erase");

    assertThat(vendor.memberOf("acme", ADA)).isEqualTo(MemberStatus.ABSENT);
    FakeVendor.Contact contact = vendor.contactOf("acme", ADA).orElseThrow();
    assertThat(contact.lists()).isEmpty();
    assertThat(contact.suppressed()).isTrue();
    assertThat(vendor.count("erase")).isZero();
    assertThat(stub.status().cancelledOnboardings()).containsExactly("onboard-s-1");

    stub.approve(new Decision("bob", "gdpr", "test"));

    OffboardResult result = result(stub);
    assertThat(result.outcome()).isEqualTo("COMPLETED");
    assertThat(step(result.status(), "acme", "erase").state()).isEqualTo(StepState.DONE);
    assertThat(vendor.contactOf("acme", ADA)).isEmpty();
  }

  @Test
  void aRejectedErasureLeavesTheContactIntact(TestWorkflowEnvironment env) {
    FakeVendor vendor = knownAt("acme");
    OffboardUserWorkflow stub = waitingForErasure(roster(env, vendor), "offboard-keep");

    stub.reject(new Decision("bob", "legal hold", "test"));

    OffboardResult result = result(stub);
    assertThat(result.outcome()).isEqualTo("PARTIAL");
    assertThat(step(result.status(), "acme", "erase").state()).isEqualTo(StepState.SKIPPED);
    assertThat(vendor.contactOf("acme", ADA)).isPresent();
    assertThat(vendor.count("erase")).isZero();
  }

  @Test
  void aPlanChangesNothing(TestWorkflowEnvironment env) {
    FakeVendor vendor = knownAt("acme");
    TestRoster roster = roster(env, vendor);

    OffboardResult result =
        roster.stub(OffboardUserWorkflow.class, "offboard-plan").offboard(request(true, true));

    assertThat(result.outcome()).isEqualTo("PLANNED");
    assertThat(result.status().plans()).hasSize(2); // every configured account: none named
    assertThat(result.status().plans().get(0).actions()).hasSize(4);
    assertThat(vendor.calls())
        .allMatch(c -> c.startsWith("memberStatus ") || c.startsWith("findContact "));
    assertThat(roster.control.board()).isEmpty();
  }

  @Test
  void anAccountWithoutTeamApiIsCheckedByHandBesideTheRest(TestWorkflowEnvironment env) {
    FakeVendor vendor = new FakeVendor().contact("mj", ADA, "7");
    TestRoster roster = roster(env, vendor);
    OffboardUserWorkflow stub = roster.stub(OffboardUserWorkflow.class, "offboard-manual");
    WorkflowClient.start(stub::offboard, request(false, false, "mj"));
    env.sleep(Duration.ofHours(1));

    assertThat(roster.control.board())
        .singleElement()
        .satisfies(i -> assertThat(i.itemId()).isEqualTo("mj-remove"));
    assertThat(vendor.contactOf("mj", ADA).orElseThrow().suppressed()).isTrue();
    assertThat(step(stub.status(), "mj", "revoke").state()).isEqualTo(StepState.WAITING);

    stub.completeManualTask(new TaskCompletion("mj-remove", "dave", "had no access"));

    OffboardResult result = result(stub);
    assertThat(result.outcome()).isEqualTo("COMPLETED");
    assertThat(step(result.status(), "mj", "revoke").state()).isEqualTo(StepState.DONE);
    assertThat(roster.control.board()).isEmpty();
  }

  @Test
  void aFailedStepEndsItsAccountOnly(TestWorkflowEnvironment env) {
    FakeVendor vendor =
        knownAt("acme").contact("mj", ADA, "8").fail("removeMember", 1, FailureTypes.AUTH_FAILED);
    TestRoster roster = roster(env, vendor);
    OffboardUserWorkflow stub = roster.stub(OffboardUserWorkflow.class, "offboard-failed");
    WorkflowClient.start(stub::offboard, request(false, false, "acme", "mj"));
    env.sleep(Duration.ofHours(1));
    stub.completeManualTask(new TaskCompletion("mj-remove", "dave", null));

    OffboardResult result = result(stub);

    assertThat(result.outcome()).isEqualTo("PARTIAL");
    assertThat(step(result.status(), "acme", "revoke").detail())
        .startsWith(FailureTypes.AUTH_FAILED);
    assertThat(vendor.contactOf("acme", ADA).orElseThrow().lists()).containsExactly("7");
    assertThat(vendor.count("suppress acme")).isZero();
    assertThat(vendor.contactOf("mj", ADA).orElseThrow().lists()).isEmpty();
  }

  @Test
  void aRequestWithoutRequesterIsRefused(TestWorkflowEnvironment env) {
    FakeVendor vendor = knownAt("acme");
    TestRoster roster = roster(env, vendor);
    OffboardRequest bad =
        new OffboardRequest(new Person(ADA, null, null), List.of("acme"), true, null, null, false);

    assertThatThrownBy(() -> roster.stub(OffboardUserWorkflow.class, "offboard-bad").offboard(bad))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_REQUEST));
    assertThat(vendor.calls()).isEmpty();
  }
}
