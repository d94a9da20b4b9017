package dev.roster.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import dev.roster.starter.http.ServedCodec;
import dev.roster.worker.testbed.TestPayloadKeys;
import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.onboard.OnboardResult;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.query.v1.WorkflowQuery;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.QueryWorkflowRequest;
import io.temporal.api.workflowservice.v1.SignalWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's Temporal CLI example, sent as the {@code temporal} CLI sends it: each {@code
 * --input} as a {@code json/plain} payload encoded through the {@code --codec-endpoint} with the
 * {@code --codec-auth} header, then the raw start and signal requests; the {@code status} query's
 * answer decoded through the same endpoint.
 */
class ReadmeTemporalCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "readme-codec-token-0123456789";

  private WorkerTestbed bed;
  private ServedCodec serve;

  @BeforeEach
  void start() {
    bed = new WorkerTestbed();
    // What `roster serve` runs, with the codec server and the workers' payload keys.
    serve =
        ServedCodec.start(
            "temporal: {address: \"127.0.0.1:1\", namespace: "
                + bed.env.getNamespace()
                + "}\nhttp: {port: 0, codec: {tokens: {cli: {env: ROSTER_CODEC_TOKEN}}}}\n",
            Map.of("ROSTER_CODEC_TOKEN", TOKEN),
            TestPayloadKeys.K1);
  }

  @AfterEach
  void stop() {
    serve.close();
    bed.close();
  }

  @Test
  @Timeout(60)
  void readmeStartSignalAndQueryDriveAnOnboardingThroughTheCodecEndpoint() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    String start = command(readme, "temporal workflow start");
    String signal = command(readme, "temporal workflow signal");
    String query = command(readme, "temporal workflow query");
    String workflowId = flag(start, "--workflow-id");
    assertThat(flag(start, "--task-queue")).isEqualTo(TaskQueues.ROSTER);
    assertThat(flag(start, "--type")).isEqualTo("OnboardUser");
    WorkflowServiceBlockingStub temporal = bed.env.getWorkflowServiceStubs().blockingStub();
    String namespace = bed.env.getNamespace();

    temporal.startWorkflowExecution(
        StartWorkflowExecutionRequest.newBuilder()
            .setNamespace(namespace)
            .setWorkflowId(workflowId)
            .setWorkflowType(WorkflowType.newBuilder().setName(flag(start, "--type")))
            .setTaskQueue(TaskQueue.newBuilder().setName(flag(start, "--task-queue")))
            .setInput(codec(start, "encode", plain(flag(start, "--input"))))
            .setRequestId(UUID.randomUUID().toString())
            .setIdentity("temporal-cli")
            .build());
    JsonNode decision = JSON.readTree(flag(signal, "--input"));
    temporal.signalWorkflowExecution(
        SignalWorkflowExecutionRequest.newBuilder()
            .setNamespace(namespace)
            .setWorkflowExecution(
                WorkflowExecution.newBuilder().setWorkflowId(flag(signal, "--workflow-id")))
            .setSignalName(flag(signal, "--name"))
            .setInput(codec(signal, "encode", plain(flag(signal, "--input"))))
            .setRequestId(UUID.randomUUID().toString())
            .setIdentity("temporal-cli")
            .build());

    OnboardResult result =
        bed.client.newUntypedWorkflowStub(workflowId).getResult(OnboardResult.class);
    Payloads answer =
        temporal
            .queryWorkflow(
                QueryWorkflowRequest.newBuilder()
                    .setNamespace(namespace)
                    .setExecution(
                        WorkflowExecution.newBuilder().setWorkflowId(flag(query, "--workflow-id")))
                    .setQuery(WorkflowQuery.newBuilder().setQueryType(flag(query, "--type")))
                    .build())
            .getQueryResult();
    JsonNode status =
        JSON.readTree(codec(query, "decode", answer).getPayloads(0).getData().toStringUtf8());

    assertThat(result.outcome()).isEqualTo("COMPLETED");
    assertThat(status.path("approval").path("decision").path("by").asText())
        .isEqualTo(decision.get("by").asText());
    assertThat(bed.brevo.member("ada@example.com")).hasValueSatisfying(m -> m.isActive());
    assertThat(bed.brevo.listMemberEmails(2)).contains("ada@example.com");
    // Through the codec endpoint, the history holds the request encrypted.
    Payload stored =
        bed.client
            .fetchHistory(workflowId)
            .getEvents()
            .get(0)
            .getWorkflowExecutionStartedEventAttributes()
            .getInput()
            .getPayloads(0);
    assertThat(stored.getMetadataMap().get("encoding").toStringUtf8())
        .isEqualTo("binary/encrypted");
    assertThat(stored.getData().toStringUtf8()).doesNotContain("ada@example.com");
  }

  /** What the CLI makes of {@code --input}: one JSON payload. */
  private static Payloads plain(String json) {
    return Payloads.newBuilder()
        .addPayloads(
            Payload.newBuilder()
                .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
                .setData(ByteString.copyFromUtf8(json)))
        .build();
  }

  /**
   * POSTs {@code payloads} to the command's {@code --codec-endpoint} (its path, on this test's
   * server) with its {@code --codec-auth}, as the CLI does.
   */
  private Payloads codec(String command, String operation, Payloads payloads) throws Exception {
    URI endpoint = URI.create(flag(command, "--codec-endpoint"));
    String auth = flag(command, "--codec-auth").replace("$ROSTER_CODEC_TOKEN", TOKEN);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + serve.port()
                                + endpoint.getPath()
                                + "/"
                                + operation))
                    .header("Authorization", auth)
                    .header("Content-Type", "application/json")
                    .header("X-Namespace", bed.env.getNamespace())
                    .POST(HttpRequest.BodyPublishers.ofString(JsonFormat.printer().print(payloads)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Payloads.Builder out = Payloads.newBuilder();
    JsonFormat.parser().merge(response.body(), out);
    return out.build();
  }

  /** The command starting with {@code prefix}, its continuation lines joined. */
  private static String command(String readme, String prefix) {
    int at = readme.indexOf(prefix);
    assertThat(at).as("README shows " + prefix).isNotNegative();
    StringBuilder line = new StringBuilder();
    for (String part : readme.substring(at).split("\n")) {
      line.append(part.replace("\\", "").trim()).append(' ');
      if (!part.endsWith("\\")) {
        break;
      }
    }
    return line.toString();
  }

  private static String flag(String command, String name) {
    Matcher m =
        Pattern.compile(Pattern.quote(name) + " ('([^']*)'|\"([^\"]*)\"|(\\S+))").matcher(command);
    assertThat(m.find()).as(name + " in " + command).isTrue();
    return m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
  }
}
