package dev.roster.worker.offboard;

import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO;
import static dev.roster.worker.testbed.FourVendorsTestbed.LISTMONK;
import static dev.roster.worker.testbed.FourVendorsTestbed.MAILJET;
import static dev.roster.worker.testbed.FourVendorsTestbed.REQUESTER;
import static dev.roster.worker.testbed.FourVendorsTestbed.person;
import static dev.roster.worker.testbed.FourVendorsTestbed.report;
import static dev.roster.worker.testbed.FourVendorsTestbed.request;
import static dev.roster.worker.testbed.FourVendorsTestbed.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.worker.testbed.FourVendorsTestbed;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.board.BoardItem;
import dev.roster.workflows.board.RequestBoardWorkflow;
import dev.roster.workflows.offboard.OffboardResult;
import dev.roster.workflows.offboard.OffboardUserWorkflow;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.steps.StepState;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code roster cancel}'s signal: a waiting request ends CANCELLED with its report, the requester
 * may withdraw their own, nothing irreversible happens, and nothing is left on the request board.
 */
class WithdrawTest {
  private static final String ADA = "ada@example.com";
  private static final Decision BY_REQUESTER = new Decision(REQUESTER, "wrong person", "test");

  @Test
  @Timeout(120)
  void anOffboardingWaitingForTheErasureApprovalEndsWithTheContactsIntact() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(null, null)) {
      assertThat(bed.onboard(ADA, LISTMONK).outcome()).isEqualTo("COMPLETED");
      OffboardUserWorkflow stub =
          bed.startOffboarding("offboard-withdrawn", request(ADA, true, false, LISTMONK));
      bed.env.sleep(Duration.ofHours(1));
      assertThat(stub.status().approval().state()).isEqualTo("waiting");
      assertThat(approvals(bed)).hasSize(1);

      stub.withdraw(BY_REQUESTER);
      OffboardResult result = FourVendorsTestbed.result(stub);

      assertThat(result.outcome()).isEqualTo("CANCELLED");
      assertThat(result.summary())
          .contains("erasure withdrawn by carol (wrong person): contacts intact");
      assertThat(result.status().withdrawal()).isEqualTo(BY_REQUESTER);
      assertThat(result.status().approval().state()).isEqualTo("withdrawn");
      assertThat(step(report(result.status(), LISTMONK), "erase").state())
          .isEqualTo(StepState.SKIPPED);
      assertThat(bed.listmonk.subscriber(ADA)).isPresent();
      assertThat(approvals(bed)).isEmpty();
    }
  }

  @Test
  @Timeout(120)
  void anOffboardingWaitingForAManualCheckStopsWaiting() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(null, null)) {
      OffboardUserWorkflow stub =
          bed.startOffboarding("offboard-manual-withdrawn", request(ADA, false, false, MAILJET));
      bed.env.sleep(Duration.ofHours(1));
      assertThat(stub.status().manualTasks()).anySatisfy(t -> assertThat(t.open()).isTrue());

      stub.withdraw(BY_REQUESTER);
      OffboardResult result = FourVendorsTestbed.result(stub);

      assertThat(result.outcome()).isEqualTo("CANCELLED");
      assertThat(step(report(result.status(), MAILJET), "revoke").state())
          .isEqualTo(StepState.CANCELLED);
      assertThat(board(bed)).isEmpty();
    }
  }

  @Test
  @Timeout(120)
  void anOnboardingWaitingForItsApprovalIsListedWithWhoAndWhichRoleThenWithdrawn() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(null, null)) {
      OnboardUserWorkflow stub =
          bed.start(
              "onboard-withdrawn",
              new OnboardRequest(
                  person(ADA),
                  List.of(new Assignment(BREVO, "admin", List.of("2"), null)),
                  null,
                  REQUESTER));
      bed.env.sleep(Duration.ofHours(1));
      BoardItem listed = approvals(bed).get(0);
      assertThat(listed.about())
          .isEqualTo("a***@example.com (" + FourVendorsTestbed.subject(ADA) + ")")
          .doesNotContain(ADA);
      assertThat(listed.role()).isEqualTo("admin on " + BREVO);

      stub.withdraw(BY_REQUESTER);
      OnboardResult result = WorkflowStub.fromTyped(stub).getResult(OnboardResult.class);

      assertThat(result.outcome()).isEqualTo("CANCELLED");
      assertThat(result.status().withdrawal()).isEqualTo(BY_REQUESTER);
      assertThat(result.status().approval().state()).isEqualTo("withdrawn");
      assertThat(bed.brevo.member(ADA)).isEmpty();
      assertThat(approvals(bed)).isEmpty();
    }
  }

  private static List<BoardItem> approvals(FourVendorsTestbed bed) {
    return board(bed).stream().filter(i -> i.kind().equals(BoardItem.APPROVAL)).toList();
  }

  private static List<BoardItem> board(FourVendorsTestbed bed) {
    return bed.client
        .newWorkflowStub(RequestBoardWorkflow.class, RequestBoardWorkflow.WORKFLOW_ID)
        .items();
  }
}
