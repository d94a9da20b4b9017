package dev.roster.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.roster.activities.http.Secret;
import dev.roster.starter.local.Demo;
import dev.roster.starter.local.LocalStack;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.testbed.PayloadFinder;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.bulkimport.ImportProgress;
import dev.roster.workflows.bulkimport.ImportSettings;
import dev.roster.workflows.bulkimport.ImportTarget;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.filter.v1.StartTimeFilter;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's first acceptance point: after the demo's path on the embedded server (onboarding on
 * four vendors, an approval, a manual task, an offboarding with erasure, a ServiceNow ticket) and
 * an import with team roles, nothing Temporal stores for any workflow (every event of every
 * history, read raw without the codec, and every execution's listing: ids, memo, search attributes)
 * holds the run's emails, names or credentials. The same scan finds them once payloads are decoded,
 * and the codec server's {@code /codec/decode} gives back the original JSON.
 */
class PrivateHistoriesTest {
  private static final String TOKEN = "codec-token-private-histories-0123";
  private static final String NAMESPACE = "default";
  private static final List<String> PEOPLE =
      List.of(
          "ada.lovelace@example.com",
          "Lovelace",
          "grace.hopper@example.com",
          "Hopper",
          "katherine.johnson@example.com",
          "Katherine",
          "imogen.importerly@example.com",
          "Importerly",
          "dorothy.vaughan@example.com",
          "Vaughan");

  @TempDir Path dir;

  @Test
  @Timeout(300)
  void noPersonalDataOrCredentialIsReadableInTemporal() throws Exception {
    Map<String, String> env = Map.of("CODEC_TOKEN", TOKEN);
    RosterConfig config = config(env);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    try (LocalStack stack =
        LocalStack.start(
            config, env, new LocalStack.Options(freePort(), 0, Duration.ofSeconds(2)), out)) {
      Demo demo = new Demo(out);
      demo.runOn(stack, config, env);
      assertThat(demo.passed()).as(printed.toString(StandardCharsets.UTF_8)).isTrue();
      importWithTeamRoles(stack.connection().client());

      List<String> needles = new ArrayList<>(PEOPLE);
      needles.addAll(credentials(stack));
      WorkflowServiceStubs raw = stack.connection().service();
      List<WorkflowExecutionInfo> executions = executions(raw);
      // Every kind of request of the run is in the listing: the demo's, the ticket's, the import's.
      assertThat(executions)
          .extracting(i -> i.getExecution().getWorkflowId())
          .contains("onboard-RITM0010001", "offboard-RITM0010002", "ticket-RITM0010001")
          .anyMatch(id -> id.startsWith("import-") && id.contains("-invite-"))
          .anyMatch(id -> id.startsWith("offboard-") && !id.contains("RITM"));
      List<HistoryEvent> events = new ArrayList<>();
      for (WorkflowExecutionInfo info : executions) {
        assertThat(found(info, needles)).as("listing of " + info.getExecution()).isEmpty();
        events.addAll(history(raw, info.getExecution()));
      }
      assertThat(events).hasSizeGreaterThan(200);
      for (HistoryEvent event : events) {
        assertThat(found(event, needles))
            .as("event %s %s", event.getEventId(), event.getEventType())
            .isEmpty();
      }

      // The control: the same scan over the same payloads, decoded, finds the people.
      PayloadCodec codec =
          (PayloadCodec) stack.connection().client().getOptions().getDataConverter();
      Set<String> decodedHits = new TreeSet<>();
      Payload adaInput = null;
      for (HistoryEvent event : events) {
        List<Payload> payloads = new ArrayList<>();
        PayloadFinder.collect(event, payloads);
        for (Payload decoded : codec.decode(payloads)) {
          Set<String> hits = found(decoded, needles);
          decodedHits.addAll(hits);
          if (adaInput == null
              && event.hasWorkflowExecutionStartedEventAttributes()
              && hits.contains("ada.lovelace@example.com")) {
            adaInput = event.getWorkflowExecutionStartedEventAttributes().getInput().getPayloads(0);
          }
        }
      }
      assertThat(decodedHits).containsAll(PEOPLE);
      assertThat(adaInput).isNotNull();
      assertThat(adaInput.getMetadataMap().get("encoding").toStringUtf8())
          .isEqualTo("binary/encrypted");

      // The codec server opens what the history holds, as the Web UI would ask it.
      String decoded = decodeOverHttp(stack.httpPort(), adaInput);
      Payloads.Builder answer = Payloads.newBuilder();
      JsonFormat.parser().merge(decoded, answer);
      String json = answer.getPayloads(0).getData().toStringUtf8();
      assertThat(json).contains("\"email\":\"ada.lovelace@example.com\"");
    }
  }

  /** The demo's configuration, an import store, and the codec server. */
  private RosterConfig config(Map<String, String> env) throws IOException {
    String demo;
    try (InputStream in = Demo.class.getResourceAsStream("/dev/roster/starter/demo.yaml")) {
      demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String extra =
        String.join(
            "\n",
            "imports: {store: \"" + dir.resolve("store") + "\", allowedRoots: [\"" + dir + "\"]}",
            "http:",
            "  codec:",
            "    tokens: {test: {env: CODEC_TOKEN}}",
            "");
    return ConfigLoader.parse(demo + "\n" + extra, "demo.yaml + test", env);
  }

  /** Two rows with team roles into Brevo, approved by a second person. */
  private void importWithTeamRoles(WorkflowClient client) throws Exception {
    Path csv = dir.resolve("people.csv");
    Files.writeString(
        csv,
        "email,first_name,last_name,role\n"
            + "imogen.importerly@example.com,Imogen,Importerly,viewer\n"
            + "dorothy.vaughan@example.com,Dorothy,Vaughan,viewer\n");
    String id =
        new ImportStarter(client, List.of("brevo-demo"))
            .start(
                new BulkImportRequest(
                    csv.toString(),
                    List.of(new ImportTarget("brevo-demo", List.of("2"))),
                    new ImportSettings(false, 0, 0, null, 0, Duration.ofSeconds(1), 0),
                    "demo-requester",
                    null,
                    null));
    WorkflowStub stub = client.newUntypedWorkflowStub(id);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (!"approval".equals(stub.query("progress", ImportProgress.class).phase())) {
      assertThat(System.nanoTime()).as("import reached its approval").isLessThan(deadline);
      Thread.sleep(100); // polling a query: the workflow does not depend on it
    }
    stub.signal("approve", new Decision("demo-approver", "ok", "test"));
    BulkImportResult result = stub.getResult(2, TimeUnit.MINUTES, BulkImportResult.class);
    assertThat(result.outcome()).isEqualTo("COMPLETED");
  }

  /** Every secret of the run: vendor credentials, the webhook key, the payload key, the token. */
  private static List<String> credentials(LocalStack stack) {
    List<String> secrets = new ArrayList<>();
    for (VendorAccount account : stack.accounts()) {
      account.credentialParts().stream().map(Secret::reveal).forEach(secrets::add);
    }
    secrets.add(stack.webhookKey().reveal());
    secrets.add(stack.ephemeralPayloadKey().orElseThrow().reveal());
    secrets.add(TOKEN);
    secrets.removeIf(s -> s.length() < 8); // too short to tell from chance in ciphertext
    assertThat(secrets).hasSizeGreaterThan(3);
    return secrets;
  }

  /** Every execution, open or closed, every run. */
  private static List<WorkflowExecutionInfo> executions(WorkflowServiceStubs raw) {
    StartTimeFilter always =
        StartTimeFilter.newBuilder()
            .setEarliestTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(0))
            .setLatestTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(4_000_000_000L))
            .build();
    List<WorkflowExecutionInfo> all = new ArrayList<>();
    all.addAll(
        raw.blockingStub()
            .listOpenWorkflowExecutions(
                ListOpenWorkflowExecutionsRequest.newBuilder()
                    .setNamespace(NAMESPACE)
                    .setMaximumPageSize(1000)
                    .setStartTimeFilter(always)
                    .build())
            .getExecutionsList());
    all.addAll(
        raw.blockingStub()
            .listClosedWorkflowExecutions(
                ListClosedWorkflowExecutionsRequest.newBuilder()
                    .setNamespace(NAMESPACE)
                    .setMaximumPageSize(1000)
                    .setStartTimeFilter(always)
                    .build())
            .getExecutionsList());
    return all;
  }

  private static List<HistoryEvent> history(WorkflowServiceStubs raw, WorkflowExecution run) {
    List<HistoryEvent> events = new ArrayList<>();
    GetWorkflowExecutionHistoryRequest.Builder request =
        GetWorkflowExecutionHistoryRequest.newBuilder().setNamespace(NAMESPACE).setExecution(run);
    while (true) {
      GetWorkflowExecutionHistoryResponse page =
          raw.blockingStub().getWorkflowExecutionHistory(request.build());
      events.addAll(page.getHistory().getEventsList());
      if (page.getNextPageToken().isEmpty()) {
        return events;
      }
      request.setNextPageToken(page.getNextPageToken());
    }
  }

  /** The needles found anywhere in the message's bytes (every field, nested or not). */
  private static Set<String> found(Message message, List<String> needles) {
    String bytes = message.toByteString().toString(StandardCharsets.ISO_8859_1);
    Set<String> hits = new TreeSet<>();
    for (String needle : needles) {
      if (bytes.contains(needle)) {
        hits.add(needle);
      }
    }
    return hits;
  }

  private static String decodeOverHttp(int port, Payload payload) throws Exception {
    String body = JsonFormat.printer().print(Payloads.newBuilder().addPayloads(payload));
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/codec/decode"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json")
                    .header("X-Namespace", NAMESPACE)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
