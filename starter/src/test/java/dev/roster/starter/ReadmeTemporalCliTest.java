package dev.roster.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.activities.control.SubjectHasher;
import dev.roster.activities.http.Secret;
import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.worker.RosterWorker;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.workflows.common.RosterSearchAttributes;
import dev.roster.workflows.common.TaskQueues;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardStatus;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's Temporal CLI example, sent as-is through untyped stubs. */
class ReadmeTemporalCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestWorkflowEnvironment env;
  private FakeBrevo brevo;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    RosterSearchAttributes.ALL.forEach(env::registerSearchAttribute);
    brevo =
        FakeBrevo.start(
            FakeBrevo.Options.builder()
                .clock(() -> Instant.ofEpochMilli(env.currentTimeMillis()))
                .acceptAfter(Duration.ofHours(1))
                .build());
    RosterConfig config =
        ConfigLoader.parse(
            "accounts:\n"
                + "  brevo-main:\n"
                + "    type: brevo\n"
                + "    rateBudgets: {organization: {requests: 1000, per: 1s}}\n",
            "test",
            Map.of());
    VendorAccount account =
        new VendorAccount(
            config.accounts().get("brevo-main"),
            URI.create(brevo.baseUrl()),
            new Secret(brevo.apiKey()),
            true);
    RosterWorker.register(
        env.getWorkerFactory(),
        List.of(account),
        config.approvals(),
        new SubjectHasher("0123456789abcdef-test".getBytes(StandardCharsets.UTF_8)));
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
    brevo.close();
  }

  @Test
  @Timeout(60)
  void readmeStartSignalAndQueryJsonDriveAnOnboarding() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String start = command(readme, "temporal workflow start");
    String signal = command(readme, "temporal workflow signal");
    String query = command(readme, "temporal workflow query");
    String workflowId = flag(start, "--workflow-id");
    assertThat(flag(start, "--task-queue")).isEqualTo(TaskQueues.ROSTER);
    assertThat(flag(start, "--type")).isEqualTo("OnboardUser");

    WorkflowStub stub =
        env.getWorkflowClient()
            .newUntypedWorkflowStub(
                flag(start, "--type"),
                WorkflowOptions.newBuilder()
                    .setTaskQueue(flag(start, "--task-queue"))
                    .setWorkflowId(workflowId)
                    .build());
    stub.start(JSON.readTree(flag(start, "--input")));
    JsonNode decision = JSON.readTree(flag(signal, "--input"));
    env.getWorkflowClient()
        .newUntypedWorkflowStub(flag(signal, "--workflow-id"))
        .signal(flag(signal, "--name"), decision);

    OnboardResult result = stub.getResult(OnboardResult.class);
    OnboardStatus status =
        env.getWorkflowClient()
            .newUntypedWorkflowStub(flag(query, "--workflow-id"))
            .query(flag(query, "--type"), OnboardStatus.class);

    assertThat(result.outcome()).isEqualTo("COMPLETED");
    assertThat(status.approval().decision().by()).isEqualTo(decision.get("by").asText());
    assertThat(brevo.member("ada@example.com")).hasValueSatisfying(m -> m.isActive());
    assertThat(brevo.listMemberEmails(2)).contains("ada@example.com");
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
    Matcher m = Pattern.compile(Pattern.quote(name) + " ('([^']*)'|(\\S+))").matcher(command);
    assertThat(m.find()).as(name + " in " + command).isTrue();
    return m.group(2) != null ? m.group(2) : m.group(3);
  }
}
