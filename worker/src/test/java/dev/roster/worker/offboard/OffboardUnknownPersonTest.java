package dev.roster.worker.offboard;

import static dev.roster.worker.testbed.FourVendorsTestbed.ALL;
import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO;
import static dev.roster.worker.testbed.FourVendorsTestbed.LISTMONK;
import static dev.roster.worker.testbed.FourVendorsTestbed.MAILERSEND;
import static dev.roster.worker.testbed.FourVendorsTestbed.MAILJET;
import static dev.roster.worker.testbed.FourVendorsTestbed.plan;
import static dev.roster.worker.testbed.FourVendorsTestbed.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.worker.testbed.FourVendorsTestbed;
import dev.roster.workflows.offboard.AccountPlan;
import dev.roster.workflows.offboard.OffboardRequest;
import dev.roster.workflows.offboard.OffboardResult;
import dev.roster.workflows.offboard.OffboardUserWorkflow;
import dev.roster.workflows.steps.StepState;
import dev.roster.workflows.tasks.ManualTask;
import dev.roster.workflows.tasks.TaskCompletion;
import dev.roster.workflows.team.MemberStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Someone no vendor has heard of: nothing to do anywhere, which is success, not failure. */
class OffboardUnknownPersonTest {
  private static final String NOBODY = "nobody.known@example.com";

  @Test
  @Timeout(120)
  void unknownPersonIsNothingToDoOnEveryAccount() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(null, null)) {
      // Every configured account (an empty list), with erasure asked for.
      OffboardUserWorkflow stub =
          bed.startOffboarding(
              "offboard-unknown",
              new OffboardRequest(
                  FourVendorsTestbed.person(NOBODY),
                  List.of(),
                  true,
                  "RITM0000300",
                  FourVendorsTestbed.REQUESTER,
                  false));
      bed.env.sleep(Duration.ofHours(1));
      // Mailjet has no team API: no API can say the person has no access there, so a person
      // checks; that is the one thing to do for an unknown person.
      List<ManualTask> open =
          stub.status().manualTasks().stream().filter(ManualTask::open).toList();
      assertThat(open).extracting(ManualTask::taskId).containsExactly(MAILJET + "-remove");
      stub.completeManualTask(new TaskCompletion(MAILJET + "-remove", "dave", "no access found"));

      OffboardResult result = FourVendorsTestbed.result(stub);

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      // Nothing to erase anywhere: no approval was asked for.
      assertThat(result.status().approval().state()).isEqualTo("not-required");
      for (String account : ALL) {
        assertThat(report(result.status(), account).outcome())
            .as(account)
            .isEqualTo(StepState.DONE);
        assertThat(plan(result.status(), account).contact().exists()).as(account).isFalse();
      }
      for (String account : List.of(BREVO, MAILERSEND, LISTMONK)) {
        AccountPlan plan = plan(result.status(), account);
        assertThat(plan.team()).as(account).isEqualTo(MemberStatus.ABSENT);
        assertThat(plan.actions()).as(account).isEmpty();
      }
      AccountPlan mailjet = plan(result.status(), MAILJET);
      assertThat(mailjet.team()).isNull();
      assertThat(mailjet.actions()).hasSize(1);
      // No vendor got a record of someone it never had (no suppression placeholder either).
      assertThat(bed.brevo.contact(NOBODY)).isEmpty();
      assertThat(bed.mailjet.contact(NOBODY)).isEmpty();
      assertThat(bed.mailerSend.isSuppressed(NOBODY)).isFalse();
      assertThat(bed.mailerSend.blocklist()).isEmpty();
      assertThat(bed.listmonk.subscriber(NOBODY)).isEmpty();
    }
  }
}
