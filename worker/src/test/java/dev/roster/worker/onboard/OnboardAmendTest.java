package dev.roster.worker.onboard;

import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO;
import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO_LIST;
import static dev.roster.worker.testbed.FourVendorsTestbed.LISTMONK;
import static dev.roster.worker.testbed.FourVendorsTestbed.LISTMONK_LIST;
import static dev.roster.worker.testbed.FourVendorsTestbed.REQUESTER;
import static dev.roster.worker.testbed.FourVendorsTestbed.person;
import static dev.roster.worker.testbed.FourVendorsTestbed.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.worker.testbed.FourVendorsTestbed;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardAmendment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.steps.StepState;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An Update adds accounts and lists to a running onboarding; its validator refuses what an
 * amendment may not do before anything enters history.
 */
class OnboardAmendTest {
  private static final String ADA = "ada@example.com";
  private static final long SECOND_BREVO_LIST = 7;

  private static OnboardRequest viewerOnBrevo() {
    return new OnboardRequest(
        person(ADA),
        List.of(new Assignment(BREVO, "viewer", List.of(Long.toString(BREVO_LIST)), null)),
        null,
        REQUESTER);
  }

  private static OnboardAmendment amendment(Assignment... added) {
    return new OnboardAmendment(List.of(added), "dave", "test");
  }

  @Test
  @Timeout(120)
  void amendmentAddsAListAndAnAccountWhileTheInvitationWaits() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(Duration.ofDays(2), null)) {
      OnboardUserWorkflow stub = bed.start("onboard-amend", viewerOnBrevo());
      bed.env.sleep(Duration.ofHours(1));
      assertThat(stub.status().phase()).isEqualTo("working");

      OnboardRequest after =
          stub.amend(
              amendment(
                  new Assignment(BREVO, null, List.of(Long.toString(SECOND_BREVO_LIST)), null),
                  new Assignment(LISTMONK, "editor", List.of(Long.toString(LISTMONK_LIST)), null)));

      assertThat(after.assignments())
          .containsExactly(
              new Assignment(BREVO, "viewer", List.of("2", "7"), null),
              new Assignment(LISTMONK, "editor", List.of("3"), null));
      assertThat(stub.request()).isEqualTo(after);
      OnboardResult result = WorkflowStub.fromTyped(stub).getResult(OnboardResult.class);

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(bed.brevo.contact(ADA).orElseThrow().listIds())
          .contains(BREVO_LIST, SECOND_BREVO_LIST);
      assertThat(bed.listmonk.listMemberEmails(LISTMONK_LIST)).contains(ADA);
      assertThat(bed.listmonk.user(ADA)).isPresent();
      AccountReport brevo = report(result, BREVO);
      assertThat(step(brevo, "lists+1").state()).isEqualTo(StepState.DONE);
      assertThat(step(brevo, "lists+1").detail()).contains("7").contains("dave");
      assertThat(report(result, LISTMONK).outcome()).isEqualTo(StepState.DONE);
      assertThat(result.status().amendments())
          .singleElement()
          .asString()
          .startsWith("dave added ")
          .contains(BREVO + " lists 7")
          .contains(LISTMONK);
    }
  }

  @Test
  @Timeout(120)
  void anAmendmentRightAfterTheStartWaitsForTheRequestToSetUp() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(Duration.ofHours(2), null)) {
      OnboardUserWorkflow stub = bed.start("onboard-amend-early", viewerOnBrevo());
      stub.amend(
          amendment(new Assignment(LISTMONK, null, List.of(Long.toString(LISTMONK_LIST)), null)));

      OnboardResult result = WorkflowStub.fromTyped(stub).getResult(OnboardResult.class);

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(bed.listmonk.listMemberEmails(LISTMONK_LIST)).contains(ADA);
    }
  }

  @Test
  @Timeout(120)
  void theValidatorRefusesRoleChangesPrivilegedRolesAndNothingNew() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(Duration.ofDays(2), null)) {
      OnboardUserWorkflow stub = bed.start("onboard-amend-refused", viewerOnBrevo());
      bed.env.sleep(Duration.ofHours(1));
      OnboardRequest before = stub.request();

      assertRefused(stub, new Assignment(BREVO, "editor", List.of("7"), null), "change a role");
      assertRefused(
          stub, new Assignment(LISTMONK, "admin", List.of(), null), "approval of its own");
      assertRefused(stub, new Assignment(BREVO, null, List.of("2"), null), "nothing to add");
      assertRefused(stub, new Assignment(LISTMONK, "superuser", List.of(), null), "Roster role");
      assertRefused(stub, new Assignment(LISTMONK, null, List.of("three"), null), "not a list id");

      assertThat(stub.request()).isEqualTo(before);
      assertThat(stub.status().amendments()).isEmpty();
    }
  }

  @Test
  @Timeout(120)
  void aWithdrawnRequestTakesNoAmendment() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(Duration.ofDays(2), null)) {
      OnboardUserWorkflow stub = bed.start("onboard-amend-withdrawn", viewerOnBrevo());
      bed.env.sleep(Duration.ofHours(1));
      stub.withdraw(new Decision(REQUESTER, "not needed", "test"));

      assertRefused(stub, new Assignment(LISTMONK, null, List.of("3"), null), "withdrawn");
      assertThat(WorkflowStub.fromTyped(stub).getResult(OnboardResult.class).outcome())
          .isEqualTo("CANCELLED");
    }
  }

  private static void assertRefused(OnboardUserWorkflow stub, Assignment added, String why) {
    assertThatThrownBy(() -> stub.amend(amendment(added)))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining(why);
  }

  private static AccountReport report(OnboardResult result, String account) {
    return result.status().accounts().stream()
        .filter(a -> a.account().equals(account))
        .findFirst()
        .orElseThrow();
  }
}
