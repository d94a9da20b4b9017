package dev.roster.worker.offboard;

import static dev.roster.worker.testbed.FourVendorsTestbed.APPROVER;
import static dev.roster.worker.testbed.FourVendorsTestbed.LISTMONK;
import static dev.roster.worker.testbed.FourVendorsTestbed.LISTMONK_LIST;
import static dev.roster.worker.testbed.FourVendorsTestbed.REQUESTER;
import static dev.roster.worker.testbed.FourVendorsTestbed.report;
import static dev.roster.worker.testbed.FourVendorsTestbed.request;
import static dev.roster.worker.testbed.FourVendorsTestbed.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.worker.testbed.FourVendorsTestbed;
import dev.roster.workflows.approval.ApprovalStatus;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.offboard.OffboardResult;
import dev.roster.workflows.offboard.OffboardStatus;
import dev.roster.workflows.offboard.OffboardUserWorkflow;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.steps.StepState;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Erasure is irreversible, so it waits for a person other than the requester. Until then (and after
 * a rejection or a timeout) the contact stays; the reversible steps (team access, lists,
 * suppression) are done regardless. listmonk is the account: its onboarding is done at once.
 */
class OffboardApprovalTest {
  private static final String ADA = "ada@example.com";

  @Test
  @Timeout(120)
  void erasureWaitsForApprovalAndNothingIrreversibleHappensMeanwhile() {
    try (FourVendorsTestbed bed = onboarded()) {
      OffboardUserWorkflow stub = bed.startOffboarding("offboard-wait", erase());
      bed.env.sleep(Duration.ofDays(1).plusHours(1));

      OffboardStatus waiting = stub.status();
      assertThat(waiting.phase()).isEqualTo("approval");
      assertThat(waiting.approval().state()).isEqualTo("waiting");
      assertThat(waiting.approval().requestedBy()).isEqualTo(REQUESTER);
      assertThat(waiting.approval().since()).isNotNull();
      assertThat(waiting.approval().reminders()).isGreaterThanOrEqualTo(1);
      // Access and lists are gone already; the contact, the irreversible part, is not.
      assertThat(bed.listmonk.user(ADA)).isEmpty();
      assertThat(bed.listmonk.listMemberEmails(LISTMONK_LIST)).doesNotContain(ADA);
      assertThat(bed.listmonk.subscriber(ADA)).isPresent();

      stub.approve(new Decision(APPROVER, "verified", "test"));
      OffboardResult result = FourVendorsTestbed.result(stub);
      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(bed.listmonk.subscriber(ADA)).isEmpty();
    }
  }

  @Test
  @Timeout(120)
  void rejectionLeavesTheContactAndSaysSo() {
    try (FourVendorsTestbed bed = onboarded()) {
      OffboardUserWorkflow stub = bed.startOffboarding("offboard-reject", erase());
      bed.env.sleep(Duration.ofHours(1));

      stub.reject(new Decision(APPROVER, "legal hold", "test"));
      OffboardResult result = FourVendorsTestbed.result(stub);

      assertThat(result.outcome()).isEqualTo("PARTIAL");
      assertThat(result.status().approval().state()).isEqualTo("rejected");
      assertErasureSkipped(result);
      assertThat(bed.listmonk.subscriber(ADA)).isPresent();
      assertThat(bed.listmonk.user(ADA)).isEmpty();
    }
  }

  @Test
  @Timeout(120)
  void approvalTimeoutLeavesTheContactAndSaysSo() {
    try (FourVendorsTestbed bed = onboarded()) {
      OffboardResult result =
          FourVendorsTestbed.result(bed.startOffboarding("offboard-timeout", erase()));

      assertThat(result.outcome()).isEqualTo("PARTIAL");
      ApprovalStatus approval = result.status().approval();
      assertThat(approval.state()).isEqualTo("timed-out");
      assertThat(approval.decision()).isNull();
      assertErasureSkipped(result);
      assertThat(bed.listmonk.subscriber(ADA)).isPresent();
      assertThat(bed.listmonk.user(ADA)).isEmpty();
    }
  }

  @Test
  @Timeout(120)
  void requesterCannotApproveTheirOwnErasure() {
    try (FourVendorsTestbed bed = onboarded()) {
      OffboardUserWorkflow stub = bed.startOffboarding("offboard-self", erase());
      bed.env.sleep(Duration.ofHours(1));

      // Same person, different case and spacing: still the requester.
      stub.approve(new Decision(" Carol", "erasing my own request", "test"));
      bed.env.sleep(Duration.ofHours(1));

      OffboardStatus refused = stub.status();
      assertThat(refused.approval().refused()).isNotEmpty();
      assertThat(refused.approval().state()).isEqualTo("waiting");
      assertThat(refused.approval().decision()).isNull();
      assertThat(bed.listmonk.subscriber(ADA)).isPresent();

      stub.approve(new Decision(APPROVER, "verified", "test"));
      OffboardResult result = FourVendorsTestbed.result(stub);
      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(result.status().approval().decision().by()).isEqualTo(APPROVER);
      assertThat(bed.listmonk.subscriber(ADA)).isEmpty();
    }
  }

  private static FourVendorsTestbed onboarded() {
    FourVendorsTestbed bed = new FourVendorsTestbed(null, null);
    try {
      assertThat(bed.onboard(ADA, LISTMONK).outcome()).isEqualTo("COMPLETED");
      assertThat(bed.listmonk.subscriber(ADA)).isPresent();
      return bed;
    } catch (RuntimeException | AssertionError e) {
      bed.close();
      throw e;
    }
  }

  private static dev.roster.workflows.offboard.OffboardRequest erase() {
    return request(ADA, true, false, LISTMONK);
  }

  private static void assertErasureSkipped(OffboardResult result) {
    AccountReport listmonk = report(result.status(), LISTMONK);
    // The reversible part is done; only the erasure was left out.
    assertThat(step(listmonk, "revoke").state()).isEqualTo(StepState.DONE);
    assertThat(step(listmonk, "unsubscribe").state()).isEqualTo(StepState.DONE);
    assertThat(step(listmonk, "erase").state()).isEqualTo(StepState.SKIPPED);
  }
}
