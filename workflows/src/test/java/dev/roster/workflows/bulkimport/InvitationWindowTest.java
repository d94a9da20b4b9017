package dev.roster.workflows.bulkimport;

import static dev.roster.workflows.bulkimport.Imports.request;
import static dev.roster.workflows.bulkimport.Imports.result;
import static dev.roster.workflows.bulkimport.Imports.settings;
import static dev.roster.workflows.bulkimport.Imports.stub;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.testing.Accounts;
import dev.roster.workflows.testing.FakeControl;
import dev.roster.workflows.testing.FakeImports;
import dev.roster.workflows.testing.FakeVendor;
import dev.roster.workflows.testing.TestRoster;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * BulkImport's team invitations ({@link InvitationWindow}): one child OnboardUser per row asking
 * for team access, no more than the window's children with invitations not out yet. The account
 * makes members active at once, so every child completes and none is left running when the import
 * ends.
 */
@Timeout(60)
class InvitationWindowTest {
  @RegisterExtension static final TestWorkflowExtension temporal = TestRoster.extension();

  private static final List<String> PEOPLE =
      List.of("ann@example.com", "ben@example.com", "cat@example.com");

  private static TestRoster roster(TestWorkflowEnvironment env, FakeVendor vendor) {
    FakeImports imports = new FakeImports().rows(3).target("li", 1_000, 1);
    for (int i = 0; i < PEOPLE.size(); i++) {
      imports.teamRow(i + 2, PEOPLE.get(i), "viewer");
    }
    FakeControl control = new FakeControl().account(Accounts.immediate("li"));
    return TestRoster.start(env, control, vendor.immediate("li"), imports);
  }

  /** Rows asking for team access always need an approval; bob gives it. */
  private static BulkImportResult approvedImport(TestRoster roster, String id, int window) {
    BulkImportWorkflow stub = stub(roster, id);
    WorkflowClient.start(stub::importContacts, request(settings(false, 0, 0, window, 0), "li"));
    roster.env.sleep(Duration.ofHours(1));
    assertThat(stub.status().phase()).isEqualTo("approval");
    stub.approve(new Decision("bob", "ok", "test"));
    return result(stub);
  }

  @Test
  void aWindowOfOneStartsTheNextChildOnlyOnceTheInvitationBeforeIsOut(TestWorkflowEnvironment env) {
    // The first invitation fails twice (retried after 2 s and 4 s): the second waits for it.
    FakeVendor vendor = new FakeVendor().fail("invite", 2, FailureTypes.VENDOR_UNAVAILABLE);
    TestRoster roster = roster(env, vendor);

    BulkImportResult result = approvedImport(roster, "import-window", 1);

    assertThat(result.outcome()).isEqualTo("COMPLETED");
    InviteProgress invites = result.status().progress().invitations();
    assertThat(invites.started()).isEqualTo(3);
    assertThat(invites.invited()).isEqualTo(3);
    assertThat(invites.inFlight()).isZero();
    assertThat(vendor.calls().stream().filter(c -> c.startsWith("invite ")))
        .containsExactly(
            "invite li ann@example.com failed",
            "invite li ann@example.com failed",
            "invite li ann@example.com",
            "invite li ben@example.com",
            "invite li cat@example.com");
    PEOPLE.forEach(p -> assertThat(vendor.memberOf("li", p)).isEqualTo(MemberStatus.ACTIVE));
  }

  @Test
  void aWiderWindowLetsTheNextChildrenInviteMeanwhile(TestWorkflowEnvironment env) {
    FakeVendor vendor = new FakeVendor().fail("invite", 2, FailureTypes.VENDOR_UNAVAILABLE);
    TestRoster roster = roster(env, vendor);

    BulkImportResult result = approvedImport(roster, "import-wide", 3);

    assertThat(result.outcome()).isEqualTo("COMPLETED");
    List<String> invites = vendor.calls().stream().filter(c -> c.startsWith("invite ")).toList();
    // The first child to invite meets the failures; the others invite before its retry succeeds.
    String first = invites.get(0).split(" ")[2];
    int firstSucceeded = invites.indexOf("invite li " + first);
    int otherStarted = 0;
    while (invites.get(otherStarted).contains(first)) {
      otherStarted++;
    }
    assertThat(otherStarted).isLessThan(firstSucceeded);
  }

  @Test
  void aChildThatCannotInviteCountsAsFailed(TestWorkflowEnvironment env) {
    FakeVendor vendor = new FakeVendor().fail("invite", 1, FailureTypes.REJECTED);
    TestRoster roster = roster(env, vendor);

    BulkImportResult result = approvedImport(roster, "import-refused-invite", 1);

    assertThat(result.outcome()).isEqualTo("PARTIAL");
    InviteProgress invites = result.status().progress().invitations();
    assertThat(invites.invited()).isEqualTo(2);
    assertThat(invites.failed()).isEqualTo(1);
    assertThat(vendor.memberOf("li", PEOPLE.get(0))).isEqualTo(MemberStatus.ABSENT);
  }
}
