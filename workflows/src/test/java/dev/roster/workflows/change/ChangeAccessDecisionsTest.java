package dev.roster.workflows.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.notice.Notice;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.onboard.Assignment;
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
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ChangeAccess's decisions with fake activities: an upgrade waits for an approval, a downgrade does
 * not, lists change both ways, accounts are added through onboarding and removed through
 * offboarding (never erased), and a vendor without a team API gets a manual task.
 */
@Timeout(60)
class ChangeAccessDecisionsTest {
  @RegisterExtension static final TestWorkflowExtension temporal = TestRoster.extension();

  private static final String ADA = "ada@example.com";
  private static final Person PERSON = new Person(ADA, "Ada", null);

  private static TestRoster roster(TestWorkflowEnvironment env, FakeVendor vendor) {
    FakeControl control =
        new FakeControl()
            .account(Accounts.invitations("acme"))
            .account(Accounts.immediate("lm"))
            .account(Accounts.manualTeam("mj"));
    return TestRoster.start(env, control, vendor, new FakeImports());
  }

  private static ChangeAccessRequest changes(AccessChange... changes) {
    return new ChangeAccessRequest(PERSON, List.of(changes), null, null, null, "carol");
  }

  private static ChangeAccessWorkflow start(TestRoster roster, ChangeAccessRequest request) {
    ChangeAccessWorkflow stub = roster.stub(ChangeAccessWorkflow.class, "change-s-1");
    WorkflowClient.start(stub::change, request);
    return stub;
  }

  private static ChangeAccessResult result(ChangeAccessWorkflow stub) {
    return WorkflowStub.fromTyped(stub).getResult(ChangeAccessResult.class);
  }

  private static Step step(ChangeAccessStatus status, String account, String name) {
    AccountReport report =
        status.accounts().stream().filter(a -> a.account().equals(account)).findFirst().get();
    return report.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  /** Ada, an active member of acme, moved to admin; returns once the request has run an hour. */
  private static ChangeAccessWorkflow upgradeToAdmin(TestRoster roster) {
    ChangeAccessWorkflow stub =
        start(roster, changes(new AccessChange("acme", "admin", null, null)));
    roster.env.sleep(Duration.ofHours(1));
    return stub;
  }

  @Test
  void anUpgradeWaitsForAnApprovalThenChangesTheRole(TestWorkflowEnvironment env) {
    FakeVendor vendor = new FakeVendor().member("acme", ADA, MemberStatus.ACTIVE);
    TestRoster roster = roster(env, vendor);
    ChangeAccessWorkflow stub = upgradeToAdmin(roster);

    assertThat(stub.status().phase()).isEqualTo("approval");
    assertThat(vendor.count("changeRole")).isZero();
    assertThat(vendor.roleOf("acme", ADA)).isNull();
    assertThatThrownBy(() -> stub.approveNow(new Decision("carol", null, "test")))
        .rootCause()
        .hasMessageContaining("the requester cannot decide");

    stub.approveNow(new Decision("bob", null, "test"));
    ChangeAccessResult result = result(stub);

    assertThat(result.outcome()).isEqualTo("COMPLETED");
    assertThat(vendor.roleOf("acme", ADA)).isEqualTo("admin");
    assertThat(step(result.status(), "acme", "approval").state()).isEqualTo(StepState.DONE);
    assertThat(step(result.status(), "acme", "role").detail()).contains("now admin");
  }

  @Test
  void aRejectedUpgradeChangesNothing(TestWorkflowEnvironment env) {
    FakeVendor vendor = new FakeVendor().member("acme", ADA, MemberStatus.ACTIVE);
    TestRoster roster = roster(env, vendor);
    ChangeAccessWorkflow stub = upgradeToAdmin(roster);

    stub.rejectNow(new Decision("bob", "not needed", "test"));

    assertThat(result(stub).outcome()).isEqualTo("REJECTED");
    assertThat(vendor.count("changeRole")).isZero();
  }

  @Test
  void aWithdrawalWhileWaitingForTheApprovalChangesNothing(TestWorkflowEnvironment env) {
    FakeVendor vendor = new FakeVendor().member("acme", ADA, MemberStatus.ACTIVE);
    TestRoster roster = roster(env, vendor);
    ChangeAccessWorkflow stub = upgradeToAdmin(roster);

    assertThat(stub.cancelNow(new Decision("carol", "moved elsewhere", "test")).result())
        .isEqualTo("withdrawn");
    ChangeAccessResult result = result(stub);

    assertThat(result.outcome()).isEqualTo("CANCELLED");
    assertThat(result.status().withdrawal().by()).isEqualTo("carol");
    assertThat(step(result.status(), "acme", "role").state()).isEqualTo(StepState.SKIPPED);
    assertThat(vendor.count("changeRole")).isZero();
    assertThat(roster.control.board()).isEmpty();
  }

  @Test
  void aDowngradeNeedsNoApproval(TestWorkflowEnvironment env) {
    FakeVendor vendor = new FakeVendor().member("lm", ADA, MemberStatus.ACTIVE);
    TestRoster roster = roster(env, vendor);
    ChangeAccessWorkflow stub =
        start(roster, changes(new AccessChange("lm", "viewer", null, null)));

    ChangeAccessResult result = result(stub);

    assertThat(result.outcome()).isEqualTo("COMPLETED");
    assertThat(result.status().approval().what()).isNull();
    assertThat(vendor.roleOf("lm", ADA)).isEqualTo("viewer");
    assertThat(result.status().accounts().get(0).steps())
        .extracting(Step::name)
        .containsExactly("role");
  }

  @Test
  void aPendingInvitationIsIssuedAgainWithTheNewRole(TestWorkflowEnvironment env) {
    FakeVendor vendor = new FakeVendor().member("acme", ADA, MemberStatus.PENDING);
    TestRoster roster = roster(env, vendor);

    ChangeAccessResult result =
        result(start(roster, changes(new AccessChange("acme", "editor", null, null))));

    assertThat(result.outcome()).isEqualTo("COMPLETED");
    assertThat(step(result.status(), "acme", "role").detail()).contains("issued again");
    assertThat(vendor.roleOf("acme", ADA)).isEqualTo("editor");
  }

  @Test
  void someoneWhoIsNotAMemberCannotChangeRole(TestWorkflowEnvironment env) {
    FakeVendor vendor = new FakeVendor().contact("acme", ADA, "3");
    TestRoster roster = roster(env, vendor);

    ChangeAccessResult result =
        result(start(roster, changes(new AccessChange("acme", "editor", List.of("4"), null))));

    assertThat(result.outcome()).isEqualTo("FAILED");
    assertThat(step(result.status(), "acme", "role").detail()).contains("add the account");
    assertThat(step(result.status(), "acme", "lists").state()).isEqualTo(StepState.SKIPPED);
    assertThat(vendor.contactOf("acme", ADA).get().lists()).containsExactly("3");
  }

  @Test
  void listsAreAddedAndRemovedWithoutTouchingTheRole(TestWorkflowEnvironment env) {
    FakeVendor vendor = new FakeVendor().contact("lm", ADA, "3", "5");
    TestRoster roster = roster(env, vendor);

    ChangeAccessResult result =
        result(
            start(roster, changes(new AccessChange("lm", null, List.of("7"), List.of("3", "9")))));

    assertThat(result.outcome()).isEqualTo("COMPLETED");
    assertThat(vendor.contactOf("lm", ADA).get().lists()).containsExactlyInAnyOrder("5", "7");
    assertThat(step(result.status(), "lm", "unlist").detail())
        .isEqualTo("unsubscribed from 1 of lists 3, 9 (not on the others)");
    assertThat(vendor.count("changeRole")).isZero();
  }

  @Test
  void anAddedAccountIsOnboardedByAChildOnboardUser(TestWorkflowEnvironment env) {
    FakeVendor vendor = new FakeVendor().immediate("lm");
    TestRoster roster = roster(env, vendor);
    ChangeAccessRequest request =
        new ChangeAccessRequest(
            PERSON,
            null,
            List.of(new Assignment("lm", "editor", List.of("8"), null)),
            null,
            "RITM0010",
            "carol");

    ChangeAccessResult result = result(start(roster, request));

    assertThat(result.outcome()).isEqualTo("COMPLETED");
    assertThat(result.status().onboarding()).isEqualTo("change-s-1-onboard");
    assertThat(vendor.memberOf("lm", ADA)).isEqualTo(MemberStatus.ACTIVE);
    assertThat(vendor.roleOf("lm", ADA)).isEqualTo("editor");
    assertThat(vendor.contactOf("lm", ADA).get().lists()).containsExactly("8");
    assertThat(step(result.status(), "lm", "invite").state()).isEqualTo(StepState.DONE);
    // Only the change itself closes the ticket; the child onboarding has none.
    assertThat(roster.control.notices(Notice.DONE_COMPLETE))
        .singleElement()
        .satisfies(n -> assertThat(n.workflowId()).isEqualTo("change-s-1"));
  }

  @Test
  void aRemovedAccountLosesAccessAndListsButIsNeverErased(TestWorkflowEnvironment env) {
    FakeVendor vendor =
        new FakeVendor().member("acme", ADA, MemberStatus.ACTIVE).contact("acme", ADA, "3");
    TestRoster roster = roster(env, vendor);
    ChangeAccessRequest request =
        new ChangeAccessRequest(PERSON, null, null, List.of("acme"), null, "carol");

    ChangeAccessResult result = result(start(roster, request));

    assertThat(result.outcome()).isEqualTo("COMPLETED");
    assertThat(vendor.memberOf("acme", ADA)).isEqualTo(MemberStatus.ABSENT);
    assertThat(vendor.contactOf("acme", ADA).get().lists()).isEmpty();
    assertThat(vendor.count("erase")).isZero();
    assertThat(vendor.count("removeMember")).isEqualTo(1);
  }

  @Test
  void aVendorWithoutTeamApiGetsAManualTask(TestWorkflowEnvironment env) {
    FakeVendor vendor = new FakeVendor();
    TestRoster roster = roster(env, vendor);
    ChangeAccessWorkflow stub =
        start(roster, changes(new AccessChange("mj", "editor", null, null)));
    roster.env.sleep(Duration.ofHours(1));

    ChangeAccessStatus waiting = stub.status();
    assertThat(step(waiting, "mj", "role").state()).isEqualTo(StepState.WAITING);
    assertThat(waiting.manualTasks()).extracting(t -> t.taskId()).containsExactly("mj-role");
    assertThat(waiting.manualTasks().get(0).instructions()).contains("to editor");
    assertThat(roster.control.board()).hasSize(1);

    stub.completeManualTask(new TaskCompletion("mj-role", "dave", "done in the UI"));
    ChangeAccessResult result = result(stub);

    assertThat(result.outcome()).isEqualTo("COMPLETED");
    assertThat(step(result.status(), "mj", "role").detail()).contains("by hand by dave");
    assertThat(vendor.count("changeRole")).isZero();
    assertThat(roster.control.board()).isEmpty();
  }

  @Test
  void aRequestNamingAnAccountTwiceIsRefusedNamingTheField(TestWorkflowEnvironment env) {
    TestRoster roster = roster(env, new FakeVendor());
    ChangeAccessRequest request =
        new ChangeAccessRequest(
            PERSON,
            List.of(new AccessChange("acme", "boss", null, null)),
            null,
            List.of("acme"),
            null,
            "carol");

    assertThatThrownBy(() -> result(start(roster, request)))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .hasMessageContaining("changes[0].role: 'boss' is not a Roster role")
        .hasMessageContaining("removeAccounts[0]: account acme appears twice");
  }
}
