package dev.roster.worker.offboard;

import dev.roster.worker.testbed.FourVendorsTestbed;
import dev.roster.worker.testbed.Histories;
import dev.roster.workflows.offboard.OffboardUserWorkflowImpl;
import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A recorded OffboardUser history must replay on the current workflow code: a change that would
 * break offboardings already running in production fails here (non-determinism) instead.
 *
 * <p>Recorded in a TestWorkflowEnvironment with {@link FourVendorsTestbed}: Ada, onboarded on
 * brevo-test and mailjet-test, offboarded with erasure; the mailjet-test-remove manual task
 * confirmed after an hour, the requester's own approval refused, one reminder after a day, then the
 * erasure approved by another person. Re-record it only for a deliberate, versioned change.
 */
class OffboardUserReplayTest {

  @Test
  @Timeout(60)
  void offboardingWithManualTaskAndApprovedErasureReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        Histories.load("offboard-user.json"), OffboardUserWorkflowImpl.class);
  }
}
