package dev.roster.worker.onboard;

import static dev.roster.worker.onboard.OnboardInvitationTest.step;
import static dev.roster.worker.onboard.OnboardTestbed.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.worker.testbed.Histories;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.steps.StepState;
import dev.roster.workflows.watcher.InvitationWatcherWorkflow;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.filter.v1.WorkflowExecutionFilter;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsResponse;
import io.temporal.client.WorkflowStub;
import io.temporal.payload.codec.PayloadCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The account's InvitationWatcher keeps its waiters by workflow id and still tells each the right
 * news: the address is looked up from the waiter's own request when the account is checked. Records
 * the watcher history the replay tests use for waiters kept by id.
 */
class InvitationWatcherTest {
  private static final String ADA = "ada@example.com";
  private static final String GRACE = "grace@example.com";
  private static final String LINUS = "linus@example.com";

  @Test
  @Timeout(90)
  void eachWaiterHearsAboutItsOwnInvitationAndNoEmailReachesTheWatcher() throws Exception {
    try (OnboardTestbed bed = OnboardTestbed.builder().acceptAfter(null).start()) {
      OnboardUserWorkflow ada = bed.start("onboard-ada", request(ADA, "viewer", "carol"));
      OnboardUserWorkflow grace = bed.start("onboard-grace", request(GRACE, "viewer", "carol"));
      OnboardUserWorkflow linus = bed.start("onboard-linus", request(LINUS, "viewer", "carol"));
      InvitationWatcherWorkflow watcher =
          bed.client.newWorkflowStub(InvitationWatcherWorkflow.class, OnboardTestbed.watcherId());
      await(bed, () -> waiting(bed).size() == 3);
      // A waiter that no longer exists (its history is gone) is dropped, with nobody to tell.
      watcher.registerWaiter("onboard-long-gone");

      // Ada and Grace accept; Linus's invitation is cancelled in Brevo by an administrator. The
      // first time it is sent again (the vendor may have lost it); cancelled once more, it fails.
      bed.fake.acceptInvitation(ADA);
      bed.fake.acceptInvitation(GRACE);
      cancelInBrevo(bed, LINUS);
      await(bed, () -> bed.fake.member(LINUS).isPresent());
      cancelInBrevo(bed, LINUS);

      OnboardResult adaDone = OnboardTestbed.result(ada);
      OnboardResult graceDone = OnboardTestbed.result(grace);
      OnboardResult linusDone = OnboardTestbed.result(linus);
      assertThat(adaDone.outcome()).isEqualTo("COMPLETED");
      assertThat(graceDone.outcome()).isEqualTo("COMPLETED");
      assertThat(step(adaDone.status().accounts().get(0), "acceptance").state())
          .isEqualTo(StepState.DONE);
      assertThat(step(linusDone.status().accounts().get(0), "acceptance").state())
          .isEqualTo(StepState.FAILED);
      // Told by the watcher within a poll each time, not by the expiry a week later.
      assertThat(bed.elapsed("onboard-linus")).isLessThan(Duration.ofHours(3));

      String watcherId = OnboardTestbed.watcherId();
      WorkflowStub.fromTyped(watcher).getResult(Void.class);
      // Linus's second invitation is watched by a later run of the watcher (the first ended when
      // nobody was left waiting): read every run.
      List<String> runs = runsOldestFirst(bed, watcherId);
      List<HistoryEvent> events = new ArrayList<>();
      runs.forEach(
          run ->
              events.addAll(bed.client.fetchHistory(watcherId, run).getHistory().getEventsList()));
      assertThat(signalled(events, "invitationChanged"))
          .containsExactlyInAnyOrder(
              "onboard-ada", "onboard-grace", "onboard-linus", "onboard-linus");
      assertThat(events)
          .as("the check activity ran, the email listing did not")
          .anySatisfy(e -> assertThat(activityType(e)).isEqualTo("CheckInvitations"))
          .noneSatisfy(e -> assertThat(activityType(e)).isEqualTo("ListMembers"));
      // Read as the workers read them: decrypted by the production codec.
      PayloadCodec codec = (PayloadCodec) bed.client.getOptions().getDataConverter();
      for (HistoryEvent e : events) {
        for (Payload p : codec.decode(payloads(e))) {
          assertThat(p.getData().toString(StandardCharsets.UTF_8))
              .as("payload of event %d %s", e.getEventId(), e.getEventType())
              .doesNotContain("@");
        }
      }
      Histories.record(bed.client, watcherId, runs.get(0), "invitation-watcher-by-id.json");
    }
  }

  /** The run ids of every closed run of {@code workflowId}, oldest first. */
  private static List<String> runsOldestFirst(OnboardTestbed bed, String workflowId) {
    ListClosedWorkflowExecutionsResponse closed =
        bed.client
            .getWorkflowServiceStubs()
            .blockingStub()
            .listClosedWorkflowExecutions(
                ListClosedWorkflowExecutionsRequest.newBuilder()
                    .setNamespace(bed.client.getOptions().getNamespace())
                    .setExecutionFilter(
                        WorkflowExecutionFilter.newBuilder().setWorkflowId(workflowId))
                    .build());
    List<WorkflowExecutionInfo> infos = new ArrayList<>(closed.getExecutionsList());
    infos.sort(
        Comparator.comparing(
            i -> i.getStartTime().getSeconds() * 1_000_000_000L + i.getStartTime().getNanos()));
    return infos.stream().map(i -> i.getExecution().getRunId()).toList();
  }

  static List<String> waiting(OnboardTestbed bed) {
    try {
      return bed.client
          .newWorkflowStub(InvitationWatcherWorkflow.class, OnboardTestbed.watcherId())
          .waiting();
    } catch (RuntimeException notStartedYet) {
      return List.of();
    }
  }

  static void await(OnboardTestbed bed, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
      // Time skipping moves the workflows on; a short real wait lets the worker pick tasks up.
      bed.env.sleep(Duration.ofSeconds(1));
    }
  }

  /** What an administrator does in Brevo: PUT /organization/user/invitation/cancel/{email}. */
  private static void cancelInBrevo(OnboardTestbed bed, String email) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            bed.fake.baseUrl() + "/organization/user/invitation/cancel/" + email))
                    .header("api-key", bed.fake.apiKey())
                    .PUT(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    assertThat(bed.fake.member(email)).isEmpty();
  }

  static List<String> signalled(List<HistoryEvent> events, String signal) {
    return events.stream()
        .filter(
            e ->
                e.getEventType()
                        == EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED
                    && e.getSignalExternalWorkflowExecutionInitiatedEventAttributes()
                        .getSignalName()
                        .equals(signal))
        .map(
            e ->
                e.getSignalExternalWorkflowExecutionInitiatedEventAttributes()
                    .getWorkflowExecution()
                    .getWorkflowId())
        .toList();
  }

  static String activityType(HistoryEvent e) {
    return e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
        ? e.getActivityTaskScheduledEventAttributes().getActivityType().getName()
        : "";
  }

  /** Every payload an event carries: inputs, results, signal arguments. */
  static List<Payload> payloads(HistoryEvent e) {
    return switch (e.getEventType()) {
      case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED ->
          e.getWorkflowExecutionStartedEventAttributes().getInput().getPayloadsList();
      case EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED ->
          e.getWorkflowExecutionSignaledEventAttributes().getInput().getPayloadsList();
      case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED ->
          e.getActivityTaskScheduledEventAttributes().getInput().getPayloadsList();
      case EVENT_TYPE_ACTIVITY_TASK_COMPLETED ->
          e.getActivityTaskCompletedEventAttributes().getResult().getPayloadsList();
      case EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED ->
          e.getSignalExternalWorkflowExecutionInitiatedEventAttributes()
              .getInput()
              .getPayloadsList();
      case EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW ->
          e.getWorkflowExecutionContinuedAsNewEventAttributes().getInput().getPayloadsList();
      default -> List.of();
    };
  }
}
