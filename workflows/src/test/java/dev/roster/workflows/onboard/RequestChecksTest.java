package dev.roster.workflows.onboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportRequests;
import dev.roster.workflows.bulkimport.ImportTarget;
import dev.roster.workflows.offboard.OffboardRequest;
import dev.roster.workflows.offboard.OffboardRequests;
import dev.roster.workflows.request.Person;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the workflows refuse as INVALID_REQUEST, each problem naming its field. */
class RequestChecksTest {
  private static final Person ADA = new Person("ada@example.com", "Ada", null);

  @Test
  void aValidOnboardingHasNoProblems() {
    OnboardRequest ok =
        new OnboardRequest(
            ADA,
            List.of(new Assignment("brevo-main", "Admin", List.of("2"), null)),
            "RITM0010001",
            "carol");
    assertThat(OnboardRequests.problems(ok)).isEmpty();
  }

  @Test
  void onboardingProblemsNameRoleListsRequesterAndTicket() {
    OnboardRequest bad =
        new OnboardRequest(
            ADA,
            List.of(
                new Assignment("brevo-main", "superuser", List.of("2"), null),
                new Assignment("listmonk-main", null, List.of("x9"), null)),
            "zed@example.com",
            " ");
    assertThat(OnboardRequests.problems(bad))
        .containsExactlyInAnyOrder(
            "assignments[0].role: 'superuser' is not a Roster role (viewer, editor or admin)",
            "assignments[1].lists: 'x9' is not a list id (a positive whole number)",
            "requestedBy: missing (who asks; they may not approve their own request)",
            "ticket: not a ticket number: 1-64 letters, digits, '_', '.' or '-' (e.g."
                + " RITM0010001)");
    // The first release's checks, which replaying histories keep, see none of these.
    assertThat(OnboardRequests.basicProblems(bad)).isEmpty();
  }

  @Test
  void offboardingProblemsNameRequesterTicketAndRepeatedAccounts() {
    OffboardRequest bad =
        new OffboardRequest(ADA, List.of("brevo-main", "brevo-main"), true, "a@b.c", null, false);
    assertThat(OffboardRequests.problems(bad))
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).startsWith("accounts[1]: brevo-main appears twice"))
        .anySatisfy(p -> assertThat(p).startsWith("requestedBy: missing"))
        .anySatisfy(p -> assertThat(p).startsWith("ticket: not a ticket number"));
  }

  @Test
  void importProblemsNameListIdsRequesterAndTicket() {
    BulkImportRequest bad =
        new BulkImportRequest(
            "/tmp/x.csv",
            List.of(new ImportTarget("brevo-main", List.of("two"))),
            null,
            "",
            "RITM 1",
            null);
    assertThat(BulkImportRequests.problems(bad))
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).startsWith("targets[0].lists: 'two' is not a list id"))
        .anySatisfy(p -> assertThat(p).startsWith("requestedBy: missing"))
        .anySatisfy(p -> assertThat(p).startsWith("ticket: not a ticket number"));
  }
}
