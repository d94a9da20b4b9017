package dev.roster.worker.vendors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.worker.testbed.FourVendorsTestbed;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.request.Person;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each vendor's 429 convention, end to end through the workflow's retries. */
class RateLimitedVendorsTest {
  private static final String ADA = "ada@example.com";

  private static OnboardRequest request(String account, String role, String... lists) {
    return new OnboardRequest(
        new Person(ADA, "Ada", "Lovelace"),
        List.of(new Assignment(account, role, List.of(lists), null)),
        null,
        "carol");
  }

  @Test
  @Timeout(120)
  void mailerSendInviteWaitsForRetryAfter() {
    try (FourVendorsTestbed world = new FourVendorsTestbed(null, null)) {
      world
          .mailerSend
          .faults()
          .failNext(2, 429, Map.of("retry-after", "90"), "{\"message\":\"Too Many Attempts.\"}");
      Instant start = Instant.ofEpochMilli(world.env.currentTimeMillis());
      OnboardUserWorkflow stub =
          world.start("onboard-ms", request(FourVendorsTestbed.MAILERSEND, "viewer"));

      world.env.sleep(Duration.ofMinutes(10));
      // Two refusals, each followed by a retry no sooner than retry-after's 90 s.
      Instant invited = world.mailerSend.invite(ADA).orElseThrow().createdAt();
      assertThat(invited).isAfterOrEqualTo(start.plusSeconds(180));
      world.mailerSend.acceptInvite(ADA);

      OnboardResult result = WorkflowStub.fromTyped(stub).getResult(OnboardResult.class);
      assertThat(result.outcome()).isEqualTo("COMPLETED");
    }
  }

  @Test
  @Timeout(120)
  void mailjetWithoutHeadersRetriesWithBackoffAndCompletes() {
    try (FourVendorsTestbed world = new FourVendorsTestbed(null, null)) {
      // Mailjet's 429 carries no header (vendors.md §1): Roster backs off on its own.
      world
          .mailjet
          .faults()
          .failNext(
              3,
              429,
              Map.of(),
              "{\"ErrorInfo\":\"\",\"ErrorMessage\":\"Too many requests\",\"StatusCode\":429}");
      OnboardUserWorkflow stub =
          world.start("onboard-mj", request(FourVendorsTestbed.MAILJET, null, "10"));

      OnboardResult result = WorkflowStub.fromTyped(stub).getResult(OnboardResult.class);

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(world.mailjet.listMemberEmails(10)).contains(ADA);
      assertThat(lastAttempt(world, "onboard-mj", "UpsertContact")).isEqualTo(4);
    }
  }

  /** The attempt number of the last start of an activity type, from the workflow's history. */
  private static int lastAttempt(FourVendorsTestbed world, String workflowId, String type) {
    List<HistoryEvent> events = world.client.fetchHistory(workflowId).getHistory().getEventsList();
    long scheduledId =
        events.stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .filter(
                e ->
                    e.getActivityTaskScheduledEventAttributes()
                        .getActivityType()
                        .getName()
                        .equals(type))
            .findFirst()
            .orElseThrow()
            .getEventId();
    return events.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        .filter(e -> e.getActivityTaskStartedEventAttributes().getScheduledEventId() == scheduledId)
        .findFirst()
        .orElseThrow()
        .getActivityTaskStartedEventAttributes()
        .getAttempt();
  }
}
