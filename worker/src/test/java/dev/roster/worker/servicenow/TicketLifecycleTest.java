package dev.roster.worker.servicenow;

import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO;
import static dev.roster.worker.testbed.FourVendorsTestbed.MAILJET;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Timestamps;
import dev.roster.sandbox.servicenow.FakeServiceNow;
import dev.roster.worker.testbed.FourVendorsTestbed;
import dev.roster.worker.testbed.Histories;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.board.BoardItem;
import dev.roster.workflows.board.RequestBoardWorkflow;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.ticket.TicketUpdatesState;
import io.temporal.api.filter.v1.WorkflowExecutionFilter;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A request with a ServiceNow ticket: every milestone is written to the ticket, the manual task is
 * mirrored as an sc_task whose closing in ServiceNow completes it, the approval and the task are
 * listed on the request board until done, and the ticket ends closed complete. Records the
 * TicketUpdates and RequestBoard histories the replay tests use.
 */
class TicketLifecycleTest {
  private static final String TICKET = "RITM0030001";
  private static final String EMAIL = "ada@example.com";
  private static final String ID = "onboard-" + TICKET;

  @Test
  @Timeout(120)
  void aTicketFollowsItsRequestAndClosingItsTaskInServiceNowCompletesTheTask() {
    try (FourVendorsTestbed bed =
        FourVendorsTestbed.withServiceNow(Duration.ofHours(2), Duration.ofMinutes(10))) {
      FakeServiceNow servicenow = bed.servicenow;
      String ritm = servicenow.createRitm(TICKET, Map.of("email", EMAIL), "carol");
      OnboardUserWorkflow onboarding =
          bed.start(
              ID,
              new OnboardRequest(
                  FourVendorsTestbed.person(EMAIL),
                  List.of(
                      new Assignment(BREVO, "admin", List.of("2"), null),
                      new Assignment(MAILJET, "viewer", List.of("10"), null)),
                  TICKET,
                  "carol"));
      RequestBoardWorkflow board =
          bed.client.newWorkflowStub(RequestBoardWorkflow.class, RequestBoardWorkflow.WORKFLOW_ID);

      // Both wait for a person: the admin role's approval and Mailjet's manual invitation.
      awaitValue(bed, () -> kinds(board).size() == 2 ? Optional.of(true) : Optional.empty());
      assertThat(kinds(board)).containsExactlyInAnyOrder("approval", "manual-task");
      onboarding.approve(new Decision("bob", "ok", "test"));
      String task =
          awaitValue(
              bed,
              () ->
                  servicenow.records("sc_task").stream()
                      .filter(t -> ritm.equals(t.get("request_item")))
                      .map(t -> t.get("sys_id"))
                      .findFirst());
      servicenow.closeTask(task);

      OnboardResult result = WorkflowStub.fromTyped(onboarding).getResult(OnboardResult.class);
      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(result.status().manualTasks())
          .singleElement()
          .satisfies(t -> assertThat(t.completedBy()).startsWith("servicenow:"));

      String updatesId = TicketUpdatesState.workflowId(TICKET);
      bed.client.newUntypedWorkflowStub(updatesId).getResult(Void.class);
      Map<String, String> ticket = servicenow.record("sc_req_item", ritm).orElseThrow();
      assertThat(ticket.get("state")).as("closed complete").isEqualTo("3");
      assertThat(String.join("\n", servicenow.workNotes("sc_req_item", ritm)))
          .contains("Waiting for an approval")
          .contains("waiting for it to be accepted")
          .contains(BREVO + " done")
          .contains(MAILJET + " done");

      // The board lists nothing any more and ends after a quiet day.
      assertThat(board.items()).isEmpty();
      WorkflowStub.fromTyped(board).getResult(Void.class);

      // The ticket's notices came in two bursts, so two runs: the first wrote the milestones up
      // to the mirrored task and ended once ServiceNow closed it, the second closed the ticket.
      List<String> runs = runIds(bed, updatesId);
      assertThat(runs).hasSize(2);
      assertThat(activityTypes(bed, updatesId, runs.get(0))).contains("OpenTask", "ClosedBy");
      assertThat(activityTypes(bed, updatesId, runs.get(1)))
          .containsExactly("AddWorkNote", "SetState");
      Histories.record(bed.client, updatesId, runs.get(0), "ticket-updates.json");
      Histories.record(bed.client, updatesId, runs.get(1), "ticket-updates-closing.json");
      Histories.record(bed.client, RequestBoardWorkflow.WORKFLOW_ID, null, "request-board.json");
    }
  }

  /** The runs of a workflow id, oldest first (each started anew, not continued). */
  private static List<String> runIds(FourVendorsTestbed bed, String workflowId) {
    return bed
        .client
        .getWorkflowServiceStubs()
        .blockingStub()
        .listClosedWorkflowExecutions(
            ListClosedWorkflowExecutionsRequest.newBuilder()
                .setNamespace(bed.client.getOptions().getNamespace())
                .setExecutionFilter(WorkflowExecutionFilter.newBuilder().setWorkflowId(workflowId))
                .build())
        .getExecutionsList()
        .stream()
        .sorted(Comparator.comparing(i -> Timestamps.toMillis(i.getStartTime())))
        .map(i -> i.getExecution().getRunId())
        .toList();
  }

  private static List<String> activityTypes(FourVendorsTestbed bed, String workflowId, String run) {
    return bed.client.fetchHistory(workflowId, run).getEvents().stream()
        .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
        .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName())
        .toList();
  }

  private static List<String> kinds(RequestBoardWorkflow board) {
    try {
      return board.items().stream().map(BoardItem::kind).toList();
    } catch (RuntimeException boardNotStartedYet) {
      return List.of();
    }
  }

  /** Lets workflow time pass a minute at a time until {@code probe} finds something. */
  private static <T> T awaitValue(FourVendorsTestbed bed, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Optional<T> found = probe.get();
    while (found.isEmpty()) {
      assertThat(System.nanoTime()).as("found within 60 s").isLessThan(deadline);
      bed.env.sleep(Duration.ofMinutes(1));
      found = probe.get();
    }
    return found.get();
  }
}
