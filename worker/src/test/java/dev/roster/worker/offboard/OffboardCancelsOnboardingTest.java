package dev.roster.worker.offboard;

import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO;
import static dev.roster.worker.testbed.FourVendorsTestbed.LISTMONK;
import static dev.roster.worker.testbed.FourVendorsTestbed.onboardingId;
import static dev.roster.worker.testbed.FourVendorsTestbed.report;
import static dev.roster.worker.testbed.FourVendorsTestbed.request;
import static dev.roster.worker.testbed.FourVendorsTestbed.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.worker.testbed.FourVendorsTestbed;
import dev.roster.workflows.offboard.OffboardResult;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardStatus;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.steps.StepState;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An onboarding still running for the same person is cancelled first; a finished one is not. */
class OffboardCancelsOnboardingTest {
  private static final String ADA = "ada@example.com";

  @Test
  @Timeout(120)
  void onboardingWaitingForAcceptanceIsCancelledWithItsInvitation() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(null, null)) {
      OnboardUserWorkflow onboarding = waitingOnboarding(bed);

      OffboardResult result = offboard(bed);

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(result.status().cancelledOnboardings()).containsExactly(onboardingId(ADA));
      assertThat(report(result.status(), BREVO).outcome()).isEqualTo(StepState.DONE);
      assertThat(step(report(result.status(), BREVO), "revoke").state()).isEqualTo(StepState.DONE);
      // The pending invitation is gone, so it can no longer be accepted.
      assertThat(bed.brevo.member(ADA)).isEmpty();
      assertThat(bed.brevo.members()).noneMatch(m -> m.email().equalsIgnoreCase(ADA));
      // The onboarding ended itself and reports how.
      OnboardResult ended = WorkflowStub.fromTyped(onboarding).getResult(OnboardResult.class);
      assertThat(ended.outcome()).isEqualTo("CANCELLED");
      OnboardStatus closed = onboarding.status();
      assertThat(closed.phase()).isEqualTo("done");
      AccountReport brevo = closed.accounts().get(0);
      assertThat(brevo.outcome()).isEqualTo(StepState.CANCELLED);
      assertThat(step(brevo, "acceptance").state()).isEqualTo(StepState.CANCELLED);
    }
  }

  /**
   * Shows a bug: OnboardUserWorkflowImpl builds an OnboardResult with outcome CANCELLED after it is
   * cancelled and returns it, but the Java SDK closes every workflow whose cancellation was
   * requested as Canceled and drops the returned value (ReplayWorkflowExecutor.completeWorkflow),
   * so no caller ever sees that result: getResult throws WorkflowFailedException (cause
   * CanceledFailure).
   */
  @Test
  @Timeout(120)
  void cancelledOnboardingEndsWithACancelledResult() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(null, null)) {
      OnboardUserWorkflow onboarding = waitingOnboarding(bed);
      offboard(bed);

      OnboardResult cancelled = WorkflowStub.fromTyped(onboarding).getResult(OnboardResult.class);

      assertThat(cancelled.outcome()).isEqualTo("CANCELLED");
      AccountReport brevo = cancelled.status().accounts().get(0);
      assertThat(brevo.outcome()).isEqualTo(StepState.CANCELLED);
      assertThat(step(brevo, "acceptance").state()).isEqualTo(StepState.CANCELLED);
    }
  }

  /** Brevo invitees never accept by themselves in this testbed: the onboarding keeps waiting. */
  private static OnboardUserWorkflow waitingOnboarding(FourVendorsTestbed bed) {
    OnboardUserWorkflow onboarding = bed.startOnboarding(ADA, BREVO);
    bed.env.sleep(Duration.ofHours(2));
    assertThat(step(onboarding.status().accounts().get(0), "acceptance").state())
        .isEqualTo(StepState.WAITING);
    assertThat(bed.brevo.member(ADA)).isPresent();
    return onboarding;
  }

  private static OffboardResult offboard(FourVendorsTestbed bed) {
    return FourVendorsTestbed.result(
        bed.startOffboarding("offboard-during-onboarding", request(ADA, false, false, BREVO)));
  }

  /**
   * Shows a bug: RunningOnboardings.cancelRunning counts a cancel request as a cancellation even
   * when the onboarding has already closed (the embedded server accepts the request), so the report
   * names an onboarding that was never cancelled.
   */
  @Test
  @Timeout(120)
  void finishedOnboardingIsNotReportedAsCancelled() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(null, null)) {
      assertThat(bed.onboard(ADA, LISTMONK).outcome()).isEqualTo("COMPLETED");

      OffboardResult result =
          FourVendorsTestbed.result(
              bed.startOffboarding(
                  "offboard-after-onboarding", request(ADA, false, false, LISTMONK)));

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(result.status().cancelledOnboardings()).isEmpty();
    }
  }
}
