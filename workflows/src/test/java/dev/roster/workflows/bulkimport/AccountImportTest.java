package dev.roster.workflows.bulkimport;

import static dev.roster.workflows.bulkimport.Imports.account;
import static dev.roster.workflows.bulkimport.Imports.request;
import static dev.roster.workflows.bulkimport.Imports.settings;
import static dev.roster.workflows.bulkimport.Imports.stub;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.testing.Accounts;
import dev.roster.workflows.testing.FakeControl;
import dev.roster.workflows.testing.FakeImports;
import dev.roster.workflows.testing.FakeVendor;
import dev.roster.workflows.testing.TestRoster;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One account's import inside BulkImport ({@link AccountImport}): chunks through the vendor's bulk
 * endpoint with no more jobs in flight than the account allows, jobs polled on timers, refused rows
 * counted, a vendor failure ending that account only, and the counts carried across
 * continue-as-new.
 */
@Timeout(60)
class AccountImportTest {
  @RegisterExtension static final TestWorkflowExtension temporal = TestRoster.extension();

  private static TestRoster roster(TestWorkflowEnvironment env, FakeImports imports) {
    FakeControl control =
        new FakeControl()
            .account(Accounts.invitations("acme"))
            .account(Accounts.invitations("beta"));
    return TestRoster.start(env, control, new FakeVendor(), imports);
  }

  @Test
  void chunksGoOutWithinTheAccountsJobsInFlightAndEveryRowIsConfirmed(TestWorkflowEnvironment env) {
    FakeImports imports = new FakeImports().rows(10).jobs(3, 0).target("acme", 1_000, 2);
    TestRoster roster = roster(env, imports);

    BulkImportResult result =
        stub(roster, "import-chunks").importContacts(request(settings(false, 0, 3, 0, 0), "acme"));

    assertThat(result.outcome()).isEqualTo("COMPLETED");
    AccountProgress acme = account(result, "acme");
    assertThat(acme.sent()).isEqualTo(10);
    assertThat(acme.confirmed()).isEqualTo(10);
    assertThat(acme.jobs()).isEqualTo(4); // 3 + 3 + 3 + 1 rows
    assertThat(imports.mostJobsInFlight("acme")).isEqualTo(2);
  }

  @Test
  void rowsAVendorJobRefusesAreCountedAsFailed(TestWorkflowEnvironment env) {
    FakeImports imports = new FakeImports().rows(4).jobs(1, 1).target("acme", 2, 1);
    TestRoster roster = roster(env, imports);

    BulkImportResult result =
        stub(roster, "import-refused").importContacts(request(settings(false, 0, 0, 0, 0), "acme"));

    assertThat(result.outcome()).isEqualTo("PARTIAL");
    AccountProgress acme = account(result, "acme");
    assertThat(acme.jobs()).isEqualTo(2); // the vendor's 2 rows per job
    assertThat(acme.confirmed()).isEqualTo(2);
    assertThat(acme.failed()).isEqualTo(2);
    assertThat(imports.mostJobsInFlight("acme")).isEqualTo(1);
  }

  @Test
  void aVendorFailureEndsThatAccountOnly(TestWorkflowEnvironment env) {
    FakeImports imports =
        new FakeImports()
            .rows(5)
            .target("acme", 1_000, 1)
            .target("beta", 1_000, 1)
            .failSubmits("beta", FailureTypes.REJECTED);
    TestRoster roster = roster(env, imports);

    BulkImportResult result =
        stub(roster, "import-beta-fails")
            .importContacts(request(settings(false, 0, 0, 0, 0), "acme", "beta"));

    assertThat(result.outcome()).isEqualTo("PARTIAL");
    assertThat(account(result, "acme").state()).isEqualTo("done");
    assertThat(account(result, "acme").confirmed()).isEqualTo(5);
    assertThat(account(result, "beta").state()).isEqualTo("failed");
    assertThat(account(result, "beta").detail()).startsWith(FailureTypes.REJECTED);
    assertThat(imports.rowsSent("beta")).isZero();
  }

  @Test
  void countsAndCursorsCarryAcrossContinueAsNew(TestWorkflowEnvironment env) {
    FakeImports imports = new FakeImports().rows(40).jobs(2, 0).target("acme", 1_000, 1);
    TestRoster roster = roster(env, imports);

    BulkImportResult result =
        stub(roster, "import-runs").importContacts(request(settings(false, 0, 2, 0, 40), "acme"));

    assertThat(result.outcome()).isEqualTo("COMPLETED");
    assertThat(result.status().progress().runs()).isGreaterThan(0);
    AccountProgress acme = account(result, "acme");
    assertThat(acme.confirmed()).isEqualTo(40);
    assertThat(acme.jobs()).isEqualTo(20);
    assertThat(imports.rowsSent("acme")).isEqualTo(40); // no chunk sent twice across runs
  }
}
