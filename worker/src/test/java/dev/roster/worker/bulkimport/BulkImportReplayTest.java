package dev.roster.worker.bulkimport;

import dev.roster.worker.testbed.Histories;
import dev.roster.workflows.bulkimport.BulkImportWorkflowImpl;
import dev.roster.workflows.onboard.OnboardUserWorkflowImpl;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Recorded histories must replay on the current workflow code (a change that would break imports
 * already running fails here as non-determinism).
 *
 * <p>Recorded by {@code ImportInvitationsTest} with {@code -Droster.recordHistories=DIR}: the first
 * run of a 60-row import into brevo-test and listmonk-test (planning, an approval, chunks and job
 * polls, 45 team invitations through a window of 4, continue-as-new on a small history budget) and
 * the child OnboardUser of its admin row (approved by the import's approver, telling the import its
 * invitations are out, then accepted).
 */
class BulkImportReplayTest {

  @Test
  void importRunWithInvitationWindowReplays() throws Exception {
    // The children's ids derive from the import's own id, so replay under the recorded one.
    WorkflowReplayer.replayWorkflowExecution(
        WorkflowExecutionHistory.fromJson(Histories.load("bulk-import.json"), "import-team"),
        BulkImportWorkflowImpl.class);
  }

  @Test
  void onboardingStartedByAnImportReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        Histories.load("onboard-from-import.json"), OnboardUserWorkflowImpl.class);
  }
}
