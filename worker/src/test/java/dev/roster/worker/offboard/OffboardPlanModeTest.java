package dev.roster.worker.offboard;

import static dev.roster.worker.testbed.FourVendorsTestbed.ALL;
import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO;
import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO_LIST;
import static dev.roster.worker.testbed.FourVendorsTestbed.LISTMONK;
import static dev.roster.worker.testbed.FourVendorsTestbed.LISTMONK_LIST;
import static dev.roster.worker.testbed.FourVendorsTestbed.MAILERSEND;
import static dev.roster.worker.testbed.FourVendorsTestbed.MAILJET;
import static dev.roster.worker.testbed.FourVendorsTestbed.MAILJET_LIST;
import static dev.roster.worker.testbed.FourVendorsTestbed.plan;
import static dev.roster.worker.testbed.FourVendorsTestbed.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.FakeRequest;
import dev.roster.worker.testbed.FourVendorsTestbed;
import dev.roster.workflows.offboard.OffboardResult;
import dev.roster.workflows.team.MemberStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Plan mode reads every vendor and changes nothing, even with erasure asked for. */
class OffboardPlanModeTest {
  private static final String ADA = "ada@example.com";

  @Test
  @Timeout(120)
  void planChangesNothingAndOnlyReads() {
    try (FourVendorsTestbed bed = new FourVendorsTestbed(Duration.ofDays(1), Duration.ofDays(1))) {
      assertThat(bed.onboard(ADA, BREVO, MAILJET, MAILERSEND, LISTMONK).outcome())
          .isEqualTo("COMPLETED");
      bed.mailerSend.addRecipient(ADA);
      Map<String, Object> before = snapshot(bed);
      resetCounters(bed);

      OffboardResult result =
          FourVendorsTestbed.result(
              bed.startOffboarding(
                  "offboard-plan", request(ADA, true, true, ALL.toArray(String[]::new))));

      assertThat(result.outcome()).isEqualTo("PLANNED");
      assertThat(result.status().approval().state()).isEqualTo("not-required");
      assertThat(result.status().manualTasks()).isEmpty();
      assertThat(result.status().cancelledOnboardings()).isEmpty();
      assertThat(result.status().plans()).hasSize(ALL.size());
      for (String account : ALL) {
        assertThat(plan(result.status(), account).actions()).as(account).isNotEmpty();
        assertThat(plan(result.status(), account).contact().exists()).as(account).isTrue();
      }
      assertThat(plan(result.status(), BREVO).team()).isEqualTo(MemberStatus.ACTIVE);
      assertThat(plan(result.status(), MAILERSEND).team()).isEqualTo(MemberStatus.ACTIVE);
      assertThat(plan(result.status(), LISTMONK).team()).isEqualTo(MemberStatus.ACTIVE);
      assertThat(plan(result.status(), MAILJET).team()).isNull();
      assertThat(plan(result.status(), BREVO).contact().lists())
          .containsExactly(Long.toString(BREVO_LIST));

      assertThat(snapshot(bed)).isEqualTo(before);
      for (List<FakeRequest> journal : journals(bed)) {
        assertThat(journal).isNotEmpty().allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
      }
    }
  }

  /** Everything the fakes hold about people, through their inspection APIs. */
  private static Map<String, Object> snapshot(FourVendorsTestbed bed) {
    return Map.ofEntries(
        Map.entry("brevo.members", bed.brevo.members()),
        Map.entry("brevo.contacts", bed.brevo.contacts()),
        Map.entry("brevo.list", bed.brevo.listMemberEmails(BREVO_LIST)),
        Map.entry("mailjet.contacts", bed.mailjet.contacts()),
        Map.entry("mailjet.list", bed.mailjet.listMemberEmails(MAILJET_LIST)),
        Map.entry("mailersend.users", bed.mailerSend.users()),
        Map.entry("mailersend.invites", bed.mailerSend.invites()),
        Map.entry("mailersend.recipient", bed.mailerSend.recipient(ADA)),
        Map.entry("mailersend.blocklist", bed.mailerSend.blocklist()),
        Map.entry("listmonk.users", bed.listmonk.users()),
        Map.entry("listmonk.subscriber", bed.listmonk.subscriber(ADA)),
        Map.entry("listmonk.list", bed.listmonk.listMemberEmails(LISTMONK_LIST)));
  }

  private static void resetCounters(FourVendorsTestbed bed) {
    bed.brevo.resetCounters();
    bed.mailjet.resetCounters();
    bed.mailerSend.resetCounters();
    bed.listmonk.resetCounters();
  }

  private static List<List<FakeRequest>> journals(FourVendorsTestbed bed) {
    return List.of(
        bed.brevo.requests(),
        bed.mailjet.requests(),
        bed.mailerSend.requests(),
        bed.listmonk.requests());
  }
}
