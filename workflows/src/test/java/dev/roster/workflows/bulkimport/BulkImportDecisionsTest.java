package dev.roster.workflows.bulkimport;

import static dev.roster.workflows.bulkimport.Imports.request;
import static dev.roster.workflows.bulkimport.Imports.result;
import static dev.roster.workflows.bulkimport.Imports.settings;
import static dev.roster.workflows.bulkimport.Imports.stub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.testing.Accounts;
import dev.roster.workflows.testing.FakeControl;
import dev.roster.workflows.testing.FakeImports;
import dev.roster.workflows.testing.FakeVendor;
import dev.roster.workflows.testing.TestRoster;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** BulkImport's decisions before it sends anything: dry run, approval, refusal of bad input. */
@Timeout(60)
class BulkImportDecisionsTest {
  @RegisterExtension static final TestWorkflowExtension temporal = TestRoster.extension();

  private static TestRoster roster(TestWorkflowEnvironment env, FakeImports imports) {
    return TestRoster.start(
        env, new FakeControl().account(Accounts.invitations("acme")), new FakeVendor(), imports);
  }

  @Test
  void aDryRunReportsAndSendsNothing(TestWorkflowEnvironment env) {
    FakeImports imports = new FakeImports().rows(10).target("acme", 1_000, 1);
    TestRoster roster = roster(env, imports);

    BulkImportResult result =
        stub(roster, "import-dry").importContacts(request(settings(true, 0, 0, 0, 0), "acme"));

    assertThat(result.outcome()).isEqualTo("DRY_RUN");
    assertThat(result.report()).isNotBlank();
    assertThat(imports.jobsStarted()).isZero();
  }

  @Test
  void anImportAboveTheThresholdWaitsForApprovalAndARejectionSendsNothing(
      TestWorkflowEnvironment env) {
    FakeImports imports = new FakeImports().rows(10).target("acme", 1_000, 1);
    TestRoster roster = roster(env, imports);
    BulkImportWorkflow stub = stub(roster, "import-large");
    WorkflowClient.start(stub::importContacts, request(settings(false, 5, 0, 0, 0), "acme"));
    env.sleep(Duration.ofHours(1));

    assertThat(stub.status().phase()).isEqualTo("approval");
    stub.approve(new Decision("carol", "mine", "test")); // the requester: refused
    stub.reject(new Decision("bob", "too many", "test"));

    BulkImportResult result = result(stub);
    assertThat(result.outcome()).isEqualTo("REJECTED");
    assertThat(result.status().approval().refused()).hasSize(1);
    assertThat(imports.jobsStarted()).isZero();
  }

  @Test
  void anApprovedImportSends(TestWorkflowEnvironment env) {
    FakeImports imports = new FakeImports().rows(10).target("acme", 1_000, 1);
    TestRoster roster = roster(env, imports);
    BulkImportWorkflow stub = stub(roster, "import-approved");
    WorkflowClient.start(stub::importContacts, request(settings(false, 5, 0, 0, 0), "acme"));
    env.sleep(Duration.ofHours(1));
    assertThat(imports.jobsStarted()).isZero();

    stub.approve(new Decision("bob", "ok", "test"));

    assertThat(result(stub).outcome()).isEqualTo("COMPLETED");
    assertThat(imports.rowsSent("acme")).isEqualTo(10);
  }

  @Test
  void aBadRequestIsRefusedBeforeAnythingIsRead(TestWorkflowEnvironment env) {
    FakeImports imports = new FakeImports().rows(10).target("acme", 1_000, 1);
    TestRoster roster = roster(env, imports);
    BulkImportRequest bad =
        new BulkImportRequest(
            "/imports/people.csv",
            List.of(new ImportTarget("acme", List.of("7")), new ImportTarget("acme", null)),
            null,
            " ",
            null,
            null);

    assertInvalid(() -> stub(roster, "import-bad").importContacts(bad));
    assertThat(imports.plans()).isZero();
  }

  @Test
  void listsForAnAccountThatTakesNoContactsAreRefusedBeforePlanning(TestWorkflowEnvironment env) {
    FakeImports imports = new FakeImports().rows(10).noContacts("acme");
    TestRoster roster = roster(env, imports);

    assertInvalid(
        () ->
            stub(roster, "import-no-contacts")
                .importContacts(request(settings(false, 0, 0, 0, 0), "acme")));
    assertThat(imports.plans()).isZero();
  }

  private static void assertInvalid(Runnable start) {
    assertThatThrownBy(start::run)
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_REQUEST));
  }
}
