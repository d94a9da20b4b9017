package dev.roster.worker.onboard;

import static dev.roster.worker.onboard.OnboardInvitationTest.step;
import static dev.roster.worker.onboard.OnboardTestbed.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.brevo.Member;
import dev.roster.workflows.notice.Notice;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.steps.StepState;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.converter.DataConverter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The edges of the invitation expiry: what Roster reports and whom it tells. */
class OnboardExpiryEdgeTest {
  private static final String EMAIL = "mary.jackson@example.com";

  /**
   * The person accepts the day-3 resend after the watcher's last hourly listing but before the
   * 7-day expiry. The expiry then finds nothing pending to cancel; it must not report an expired
   * (cancelled) invitation for someone who is an active member.
   */
  @Test
  @Timeout(60)
  void invitationAcceptedAfterLastPollBeforeExpiryIsNotReportedExpired() {
    // The fake counts acceptAfter from the last (re)send: resend at day 3, accepted at day 7 less
    // about 30 minutes, between the listings of hour 167 and hour 168.
    Duration acceptAfter = Duration.ofDays(4).minusMinutes(30);
    try (OnboardTestbed bed = OnboardTestbed.builder().acceptAfter(acceptAfter).start()) {
      OnboardResult result = bed.run("onboard-late-accept", request(EMAIL, "viewer", "carol"));

      Member member = bed.fake.member(EMAIL).orElseThrow();
      assertThat(member.isActive()).isTrue();
      AccountReport account = result.status().accounts().get(0);
      assertThat(step(account, "acceptance").state()).isNotEqualTo(StepState.EXPIRED);
      assertThat(account.outcome()).isEqualTo(StepState.DONE);
    }
  }

  /** Every other notice of a request carries its ticket, so the write-back finds the ticket. */
  @Test
  @Timeout(60)
  void expiryNoticeNamesTheRequestsTicket() {
    try (OnboardTestbed bed = OnboardTestbed.builder().acceptAfter(null).start()) {
      OnboardRequest request = request(EMAIL, "viewer", "carol");
      OnboardResult result = bed.run("onboard-expiry-notice", request);
      assertThat(result.status().accounts().get(0).outcome()).isEqualTo(StepState.EXPIRED);

      List<Notice> expired =
          notices(bed, "onboard-expiry-notice").stream()
              .filter(n -> n.kind().equals("invitation-expired"))
              .toList();
      assertThat(expired).hasSize(1);
      assertThat(expired.get(0).ticket()).isEqualTo(request.ticket());
    }
  }

  /** The Notice inputs of the workflow's Notify activities, from its history. */
  private static List<Notice> notices(OnboardTestbed bed, String workflowId) {
    DataConverter converter = bed.client.getOptions().getDataConverter();
    return bed.client.fetchHistory(workflowId).getEvents().stream()
        .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
        .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
        .filter(a -> a.getActivityType().getName().equals("Notify"))
        .map(a -> converter.fromPayloads(0, Optional.of(a.getInput()), Notice.class, Notice.class))
        .toList();
  }
}
