package dev.roster.worker.onboard;

import dev.roster.worker.testbed.Histories;
import dev.roster.workflows.offboard.OffboardUserWorkflowImpl;
import dev.roster.workflows.onboard.OnboardUserWorkflowImpl;
import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Histories with the request checks (version marker {@code request-checks}), an amendment (an
 * accepted Update, marker {@code onboard-amend}) and withdrawals replay on the current code.
 *
 * <p>Recorded with {@code FourVendorsTestbed}: Ada onboarded as a viewer on brevo-test (ticket
 * RITM0000300), amended an hour later by dave with brevo list 7 and listmonk-test as editor on list
 * 3, invitation accepted after two days; Grace's admin onboarding withdrawn by its requester while
 * waiting for the approval; Ada's offboarding from listmonk-test with erasure withdrawn by its
 * requester while waiting for the erasure approval.
 */
class AmendAndWithdrawReplayTest {

  @Test
  void amendedOnboardingReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        Histories.load("onboard-amended.json"), OnboardUserWorkflowImpl.class);
  }

  @Test
  void withdrawnOnboardingReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        Histories.load("onboard-withdrawn.json"), OnboardUserWorkflowImpl.class);
  }

  @Test
  void withdrawnOffboardingReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        Histories.load("offboard-withdrawn.json"), OffboardUserWorkflowImpl.class);
  }
}
