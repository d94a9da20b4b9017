package dev.roster.worker.onboard;

import dev.roster.workflows.onboard.OnboardUserWorkflowImpl;
import dev.roster.workflows.watcher.InvitationWatcherWorkflowImpl;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        history("onboard-user.json"), OnboardUserWorkflowImpl.class);
  }

  @Test
  void invitationWatcherReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history("invitation-watcher.json"), InvitationWatcherWorkflowImpl.class);
  }

  private static String history(String name) {
    try (InputStream in = OnboardUserReplayTest.class.getResourceAsStream("/histories/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no history resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
