package dev.roster.starter.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.sandbox.listmonk.FakeListmonk;
import dev.roster.sandbox.servicenow.FakeServiceNow;
import dev.roster.starter.local.LocalStack;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.ticket.ServiceNowPollerWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Poll mode picks up tickets created in the sandbox, each exactly once across polls. */
class PollModeTest {
  @TempDir Path store;

  @Test
  @Timeout(120)
  void pollerStartsEachNewTicketsRequestExactlyOnce() throws Exception {
    String config =
        String.join(
            "\n",
            "accounts:",
            "  listmonk-poll:",
            "    type: listmonk",
            "    sandbox: true",
            "    baseUrl: http://127.0.0.1:9",
            "servicenow:",
            "  sandbox: true",
            "  mode: poll",
            "  pollInterval: 1s",
            "imports: {store: " + store + "}",
            "");
    try (LocalStack stack =
        LocalStack.start(
            ConfigLoader.parse(config, "poll", Map.of()),
            Map.of(),
            new LocalStack.Options(freePort(), 0, Duration.ofSeconds(1)),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      FakeServiceNow servicenow = stack.sandboxes().servicenow();
      WorkflowClient client = stack.connection().client();
      String ritm =
          servicenow.createRitm(
              "RITM0020001",
              Map.of(
                  "roster_operation", "onboard",
                  "email", "ada@example.com",
                  "vendor_accounts", "listmonk-poll",
                  "lists", "3"),
              "carol");
      String importing =
          servicenow.createRitm(
              "RITM0020002",
              Map.of(
                  "roster_operation", "bulk_import",
                  "vendor_accounts", "listmonk-poll",
                  "lists", "3"),
              "carol");
      // Checked as at every other door: a role that is not Roster's, a list id that is not one.
      servicenow.createRitm(
          "RITM0020003",
          Map.of(
              "roster_operation", "onboard",
              "email", "zed@example.com",
              "vendor_accounts", "listmonk-poll",
              "role", "superuser"),
          "carol");
      servicenow.createRitm(
          "RITM0020004",
          Map.of(
              "roster_operation", "onboard",
              "email", "zed@example.com",
              "vendor_accounts", "listmonk-poll",
              "lists", "news"),
          "carol");
      servicenow.attachToVariable(
          importing,
          "import_file",
          "people.csv",
          "text/csv",
          "email\ngrace@example.com\n".getBytes(StandardCharsets.UTF_8));

      waitUntil(() -> exists(client, "onboard-RITM0020001"), Duration.ofSeconds(30));
      OnboardResult result =
          client
              .newUntypedWorkflowStub("onboard-RITM0020001")
              .getResult(60, TimeUnit.SECONDS, OnboardResult.class);
      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(stack.sandboxes().fake("listmonk-poll", FakeListmonk.class).listMemberEmails(3))
          .contains("ada@example.com");
      waitUntil(() -> exists(client, "import-RITM0020002"), Duration.ofSeconds(30));
      BulkImportResult imported =
          client
              .newUntypedWorkflowStub("import-RITM0020002")
              .getResult(60, TimeUnit.SECONDS, BulkImportResult.class);
      assertThat(imported.outcome()).as(imported.summary()).isEqualTo("COMPLETED");
      assertThat(stack.sandboxes().fake("listmonk-poll", FakeListmonk.class).listMemberEmails(3))
          .contains("grace@example.com");

      int pollsAtPickup = pollResults(client).size();
      waitUntil(() -> pollResults(client).size() >= pollsAtPickup + 2, Duration.ofSeconds(30));
      List<JsonNode> polls = pollResults(client);
      List<String> starts =
          polls.stream()
              .flatMap(p -> iterate(p.get("started")).stream())
              .filter(id -> id.endsWith("-RITM0020001") || id.endsWith("-RITM0020002"))
              .toList();
      assertThat(starts)
          .as("starts across %d polls", polls.size())
          .containsExactlyInAnyOrder("onboard-RITM0020001", "import-RITM0020002");
      assertThat(servicenow.record("sc_req_item", ritm)).isPresent();
      List<String> refused =
          polls.stream().flatMap(p -> iterate(p.get("refused")).stream()).toList();
      assertThat(refused)
          .anySatisfy(r -> assertThat(r).startsWith("RITM0020003: ").contains("variables.role"))
          .anySatisfy(
              r ->
                  assertThat(r)
                      .startsWith("RITM0020004: ")
                      .contains("assignments[0].lists: 'news' is not a list id"));
      assertThat(exists(client, "onboard-RITM0020003")).isFalse();
      assertThat(exists(client, "onboard-RITM0020004")).isFalse();
    }
  }

  /** The results of the poller's completed intake activities, from its history. */
  private static List<JsonNode> pollResults(WorkflowClient client) {
    List<JsonNode> results = new ArrayList<>();
    for (HistoryEvent e :
        client.fetchHistory(ServiceNowPollerWorkflow.WORKFLOW_ID).getHistory().getEventsList()) {
      if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
        results.add(
            client
                .getOptions()
                .getDataConverter()
                .fromPayload(
                    e.getActivityTaskCompletedEventAttributes().getResult().getPayloads(0),
                    JsonNode.class,
                    JsonNode.class));
      }
    }
    return results;
  }

  private static boolean exists(WorkflowClient client, String id) {
    try {
      client.newUntypedWorkflowStub(id).describe();
      return true;
    } catch (io.temporal.client.WorkflowNotFoundException e) {
      return false;
    }
  }

  private static List<String> iterate(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Waits for a condition that depends on the poller's own timer (real time here). */
  private static void waitUntil(BooleanSupplier condition, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within " + limit).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
