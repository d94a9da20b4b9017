package dev.roster.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.activities.http.Secret;
import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.testbed.TestWiring;
import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.request.Person;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.WorkerFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stopping worker lets the activity it is running finish (up to {@code worker.shutdownGrace}) and
 * only then interrupts it. The activity is an invitation caught between its two calls: it has
 * looked for an existing invitation and waits for the account's budget (one call per 2 s) before it
 * sends one. An interrupt ends that wait at once, so what the history records tells the two apart.
 */
class WorkerShutdownTest {
  private static final String ACCOUNT = "brevo-stop";
  private static final String TEAM_LISTING = "/v3/organization/invited/users";

  private final CountDownLatch listed = new CountDownLatch(1);
  private TestWiring wiring;
  private FakeBrevo fake;

  @AfterEach
  void tearDown() {
    if (fake != null) {
      fake.close();
    }
    if (wiring != null) {
      wiring.env.close();
    }
  }

  @Test
  @Timeout(60)
  void anActivityInFlightFinishesBeforeTheWorkerStops() throws Exception {
    RosterWorker worker = startWorker("30s");
    WorkflowClient client = wiring.env.getWorkflowClient();
    startOnboarding(client, "onboard-stop-graceful");
    assertThat(listed.await(30, TimeUnit.SECONDS)).isTrue();

    worker.close();

    assertThat(inviteCompleted(client, "onboard-stop-graceful")).isTrue();
    assertThat(fake.member("ada@example.com")).isPresent();
  }

  @Test
  @Timeout(60)
  void anActivityLongerThanTheGraceIsInterruptedAndLeftForARetry() throws Exception {
    RosterWorker worker = startWorker("300ms");
    WorkflowClient client = wiring.env.getWorkflowClient();
    startOnboarding(client, "onboard-stop-grace-over");
    assertThat(listed.await(30, TimeUnit.SECONDS)).isTrue();

    // The budget's wait outlasts the grace: close() interrupts it and returns.
    worker.close();

    assertThat(inviteCompleted(client, "onboard-stop-grace-over")).isFalse();
    assertThat(fake.member("ada@example.com")).isEmpty();
  }

  private RosterWorker startWorker(String grace) {
    wiring = new TestWiring(false);
    fake = FakeBrevo.start();
    fake.faults().on("GET", TEAM_LISTING).beforeNext(listed::countDown);
    String yaml =
        String.join(
            "\n",
            "accounts:",
            "  " + ACCOUNT + ":",
            "    type: brevo",
            "    baseUrl: " + fake.baseUrl(),
            "    rateBudgets:",
            "      organization: {requests: 1, per: 2s}",
            "worker:",
            "  shutdownGrace: " + grace,
            "");
    RosterConfig config = ConfigLoader.parse(yaml, "worker-shutdown-test", Map.of());
    VendorAccount account =
        new VendorAccount(
            config.accounts().get(ACCOUNT),
            URI.create(fake.baseUrl()),
            new Secret(fake.apiKey()),
            true);
    byte[] key = "worker-shutdown-subject-key-32by".getBytes(StandardCharsets.UTF_8);
    WorkerFactory factory = WorkerFactory.newInstance(wiring.env.getWorkflowClient());
    RosterWorker worker =
        wiring.register(
            factory, new TestWiring.Worker(config, List.of(account), new SubjectHasher(key)));
    wiring.env.start();
    return worker.start();
  }

  private static void startOnboarding(WorkflowClient client, String workflowId) {
    OnboardUserWorkflow stub =
        client.newWorkflowStub(
            OnboardUserWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ROSTER)
                .setWorkflowId(workflowId)
                .build());
    WorkflowClient.start(
        stub::onboard,
        new OnboardRequest(
            new Person("ada@example.com", "Ada", "Lovelace"),
            List.of(new Assignment(ACCOUNT, "viewer", List.of(), null)),
            "RITM0000001",
            "carol"));
  }

  /** Whether the history records the invite activity as completed. */
  private static boolean inviteCompleted(WorkflowClient client, String workflowId) {
    List<HistoryEvent> events = client.fetchHistory(workflowId).getHistory().getEventsList();
    return events.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
        .map(
            e ->
                events.get(
                    (int) e.getActivityTaskCompletedEventAttributes().getScheduledEventId() - 1))
        .anyMatch(
            s ->
                s.getActivityTaskScheduledEventAttributes()
                    .getActivityType()
                    .getName()
                    .equals("Invite"));
  }
}
