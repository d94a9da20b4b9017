package dev.roster.worker.onboard;

import dev.roster.worker.testbed.Histories;
import dev.roster.workflows.onboard.OnboardUserWorkflowImpl;
import dev.roster.workflows.watcher.InvitationWatcherWorkflowImpl;
import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Recorded histories must replay on the current workflow code: a change that would break workflows
 * already running in production fails here (non-determinism) instead.
 *
 * <p>The histories were recorded in a TestWorkflowEnvironment with {@link OnboardTestbed}: an admin
 * onboarding on brevo-test with a refused self-approval, a reminder after a day, an approval by
 * another person and an invitation accepted after two days; and the account's InvitationWatcher
 * that watched that invitation, hourly. Re-record them only for a deliberate, versioned change.
 */
class OnboardUserReplayTest {

  @Test
  void onboardingWithApprovalAndAcceptanceReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        Histories.load("onboard-user.json"), OnboardUserWorkflowImpl.class);
  }

  @Test
  void invitationWatcherReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        Histories.load("invitation-watcher.json"), InvitationWatcherWorkflowImpl.class);
  }
}
