package dev.roster.worker.offboard;

import dev.roster.worker.testbed.FourVendorsTestbed;
import dev.roster.workflows.offboard.OffboardUserWorkflowImpl;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        history("offboard-user.json"), OffboardUserWorkflowImpl.class);
  }

  private static String history(String name) {
    try (InputStream in = OffboardUserReplayTest.class.getResourceAsStream("/histories/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no history resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
