package dev.roster.worker.offboard;

import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO;
import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO_LIST;
import static dev.roster.worker.testbed.FourVendorsTestbed.LISTMONK;
import static dev.roster.worker.testbed.FourVendorsTestbed.LISTMONK_LIST;
import static dev.roster.worker.testbed.FourVendorsTestbed.report;
import static dev.roster.worker.testbed.FourVendorsTestbed.request;
import static dev.roster.worker.testbed.FourVendorsTestbed.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.worker.testbed.FourVendorsTestbed;
import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.offboard.OffboardResult;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.steps.Step;
import dev.roster.workflows.steps.StepState;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One vendor in trouble: transient errors are retried, refused credentials stop that account. */
class OffboardVendorFailureTest {
  private static final String ADA = "ada@example.com";

  @Test
  @Timeout(120)
  void serverErrorsThenRecoveryComplete() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(Duration.ofDays(1), null)) {
      assertThat(bed.onboard(ADA, BREVO, LISTMONK).outcome()).isEqualTo("COMPLETED");
      bed.listmonk.faults().failNext(3, 503);
      bed.brevo.resetCounters();
      bed.brevo.faults().failNext(2, 502).dropNext(1);

      OffboardResult result =
          FourVendorsTestbed.result(
              bed.startOffboarding("offboard-flaky", request(ADA, false, false, BREVO, LISTMONK)));

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(bed.listmonk.faults().pending()).isZero();
      assertThat(bed.brevo.faults().pending()).isZero();
      assertThat(bed.brevo.faultedCalls()).isEqualTo(3);
      assertThat(report(result.status(), BREVO).outcome()).isEqualTo(StepState.DONE);
      assertThat(report(result.status(), LISTMONK).outcome()).isEqualTo(StepState.DONE);
      assertThat(bed.brevo.member(ADA)).isEmpty();
      assertThat(bed.brevo.listMemberEmails(BREVO_LIST)).doesNotContain(ADA);
      assertThat(bed.listmonk.user(ADA)).isEmpty();
      assertThat(bed.listmonk.listMemberEmails(LISTMONK_LIST)).doesNotContain(ADA);
    }
  }

  @Test
  @Timeout(120)
  void permanentForbiddenFailsOnlyThatAccountWithTheVendorsReason() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(Duration.ofDays(1), null)) {
      assertThat(bed.onboard(ADA, BREVO, LISTMONK).outcome()).isEqualTo("COMPLETED");
      // Every Brevo call is refused from now on (a revoked key).
      bed.brevo.faults().failNext(1000, 403);

      OffboardResult result =
          FourVendorsTestbed.result(
              bed.startOffboarding(
                  "offboard-forbidden", request(ADA, false, false, BREVO, LISTMONK)));

      assertThat(result.outcome()).isEqualTo("PARTIAL");
      AccountReport brevo = report(result.status(), BREVO);
      assertThat(brevo.outcome()).isEqualTo(StepState.FAILED);
      Step failed =
          brevo.steps().stream()
              .filter(s -> s.state() == StepState.FAILED)
              .findFirst()
              .orElseThrow();
      assertThat(failed.detail()).startsWith(FailureTypes.AUTH_FAILED);
      // Not retried: a person must fix the credentials.
      assertThat(bed.brevo.faults().pending()).isGreaterThan(990);
      assertThat(report(result.status(), LISTMONK).outcome()).isEqualTo(StepState.DONE);
      assertThat(step(report(result.status(), LISTMONK), "revoke").state())
          .isEqualTo(StepState.DONE);
      assertThat(bed.listmonk.user(ADA)).isEmpty();
      assertThat(bed.listmonk.listMemberEmails(LISTMONK_LIST)).doesNotContain(ADA);
      // Brevo was left as it was.
      assertThat(bed.brevo.member(ADA)).isPresent();
    }
  }
}
