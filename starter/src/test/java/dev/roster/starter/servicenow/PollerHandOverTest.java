package dev.roster.starter.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.activities.http.Secret;
import dev.roster.activities.servicenow.ServiceNowAuth;
import dev.roster.sandbox.listmonk.FakeListmonk;
import dev.roster.sandbox.servicenow.FakeServiceNow;
import dev.roster.worker.ImportSetup;
import dev.roster.worker.ServiceNowSetup;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.testbed.TestPayloadKeys;
import dev.roster.worker.testbed.TestWiring;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.ticket.PollResult;
import dev.roster.workflows.ticket.ServiceNowPollerWorkflow;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Poll mode over days of workflow time: the poller hands its cursor to its next run after 200
 * polls, starts each new ticket's request exactly once whichever run sees it, and reports a ticket
 * it cannot start. Records the ServiceNowPoller history the replay tests in the worker module use.
 */
class PollerHandOverTest {
  private static final Duration INTERVAL = Duration.ofMinutes(10);
  private static final String ID = ServiceNowPollerWorkflow.WORKFLOW_ID;

  @Test
  @Timeout(180)
  void thePollerHandsItsCursorOnAndStartsEachTicketOnce() throws IOException {
    TestWiring wiring = new TestWiring(true);
    try (TestWorkflowEnvironment env = wiring.env) {
      Supplier<Instant> clock = () -> Instant.ofEpochMilli(env.currentTimeMillis());
      try (FakeServiceNow servicenow =
              FakeServiceNow.start(FakeServiceNow.Options.builder().clock(clock).build());
          FakeListmonk listmonk =
              FakeListmonk.start(FakeListmonk.Options.builder().clock(clock).build())) {
        long list = listmonk.createList("From tickets");
        RosterConfig config = config(listmonk);
        WorkflowClient client = env.getWorkflowClient();
        SubjectHasher subjects =
            new SubjectHasher("poller-hand-over-subject-key-32b".getBytes(StandardCharsets.UTF_8));
        wiring.register(
            new TestWiring.Worker(
                config,
                List.of(
                    new VendorAccount(
                        config.accounts().get("listmonk-poll"),
                        URI.create(listmonk.baseUrl()),
                        new Secret(listmonk.apiUser() + ":" + listmonk.token()),
                        true)),
                subjects,
                ImportSetup.disabled(),
                Optional.of(setup(servicenow)),
                List.of(new PollModeModule())));
        env.start();

        ticket(servicenow, "RITM0040001", "ada@example.com", list);
        // A ticket whose variables name no account Roster knows: refused, never started.
        servicenow.createRitm(
            "RITM0040002",
            Map.of(
                "roster_operation", "onboard", "email", "x@example.com", "vendor_accounts", "nope"),
            "carol");
        PollMode.startPoller(config, client);
        String firstRun = client.newUntypedWorkflowStub(ID).describe().getExecution().getRunId();
        env.sleep(INTERVAL.multipliedBy(100));
        ticket(servicenow, "RITM0040003", "grace@example.com", list);
        env.sleep(INTERVAL.multipliedBy(105));

        List<History> runs = runs(client, firstRun);
        assertThat(runs.size()).as("runs").isGreaterThan(1);
        History first = runs.get(0);
        List<PollResult> polls = new ArrayList<>();
        runs.forEach(r -> polls.addAll(pollResults(r)));
        assertThat(pollResults(first)).hasSize(200);
        assertThat(polls.stream().flatMap(p -> p.started().stream()))
            .containsExactlyInAnyOrder("onboard-RITM0040001", "onboard-RITM0040003");
        assertThat(polls.stream().flatMap(p -> p.refused().stream()))
            .singleElement()
            .asString()
            .contains("RITM0040002");
        // The next run starts from the cursor the last poll of the first run returned.
        HistoryEvent handOver = first.getEvents(first.getEventsCount() - 1);
        Object nextCursor =
            TestPayloadKeys.converter(TestPayloadKeys.K1)
                .fromPayload(
                    handOver
                        .getWorkflowExecutionContinuedAsNewEventAttributes()
                        .getInput()
                        .getPayloads(0),
                    dev.roster.workflows.ticket.PollCursor.class,
                    dev.roster.workflows.ticket.PollCursor.class);
        List<PollResult> firstPolls = pollResults(first);
        assertThat(nextCursor).isEqualTo(firstPolls.get(firstPolls.size() - 1).next());
        for (String id : List.of("onboard-RITM0040001", "onboard-RITM0040003")) {
          OnboardResult done = client.newUntypedWorkflowStub(id).getResult(OnboardResult.class);
          assertThat(done.outcome()).as(id).isEqualTo("COMPLETED");
        }
        assertThat(listmonk.listMemberEmails(list))
            .containsExactlyInAnyOrder("ada@example.com", "grace@example.com");
        record(client, firstRun);
      }
    }
  }

  private static void ticket(FakeServiceNow servicenow, String number, String email, long list) {
    servicenow.createRitm(
        number,
        Map.of(
            "roster_operation",
            "onboard",
            "email",
            email,
            "vendor_accounts",
            "listmonk-poll",
            "lists",
            Long.toString(list)),
        "carol");
  }

  private static RosterConfig config(FakeListmonk listmonk) {
    return ConfigLoader.parse(
        String.join(
            "\n",
            "accounts:",
            "  listmonk-poll:",
            "    type: listmonk",
            "    baseUrl: " + listmonk.baseUrl(),
            "    rateBudgets: {api: {requests: 1000, per: 1s}}",
            "servicenow:",
            "  sandbox: true",
            "  mode: poll",
            "  pollInterval: " + INTERVAL.toMinutes() + "m",
            "  rateBudget: {requests: 1000, per: 1s}",
            ""),
        "poller-hand-over",
        Map.of());
  }

  private static ServiceNowSetup setup(FakeServiceNow fake) {
    return new ServiceNowSetup(
        URI.create(fake.baseUrl()),
        new ServiceNowAuth.Basic(fake.options().user(), new Secret(fake.options().password())),
        new dev.roster.worker.config.RateBudgetConfig(1000, Duration.ofSeconds(1)),
        false,
        INTERVAL);
  }

  /** The poller's runs from the first, following its continue-as-new links. */
  private static List<History> runs(WorkflowClient client, String firstRun) {
    List<History> out = new ArrayList<>();
    Optional<String> run = Optional.of(firstRun);
    while (run.isPresent()) {
      History h = client.fetchHistory(ID, run.get()).getHistory();
      out.add(h);
      HistoryEvent last = h.getEvents(h.getEventsCount() - 1);
      run =
          last.hasWorkflowExecutionContinuedAsNewEventAttributes()
              ? Optional.of(
                  last.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId())
              : Optional.empty();
    }
    return out;
  }

  private static List<PollResult> pollResults(History run) {
    return run.getEventsList().stream()
        .filter(HistoryEvent::hasActivityTaskCompletedEventAttributes)
        .map(
            e ->
                TestPayloadKeys.converter(TestPayloadKeys.K1)
                    .fromPayload(
                        e.getActivityTaskCompletedEventAttributes().getResult().getPayloads(0),
                        PollResult.class,
                        PollResult.class))
        .toList();
  }

  /**
   * With {@code -Droster.recordHistories=DIR} (the worker module's histories folder), writes the
   * first run for the worker's replay tests.
   */
  private static void record(WorkflowClient client, String firstRun) throws IOException {
    String dir = System.getProperty("roster.recordHistories");
    if (dir != null) {
      Files.writeString(
          Path.of(dir, "servicenow-poller.json"), client.fetchHistory(ID, firstRun).toJson(true));
    }
  }
}
