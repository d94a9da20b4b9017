package dev.roster.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardStatus;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's Temporal CLI example, sent as-is through untyped stubs. */
class ReadmeTemporalCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WorkerTestbed bed;

  @BeforeEach
  void start() {
    bed = new WorkerTestbed();
  }

  @AfterEach
  void stop() {
    bed.close();
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
        bed.client.newUntypedWorkflowStub(
            flag(start, "--type"),
            WorkflowOptions.newBuilder()
                .setTaskQueue(flag(start, "--task-queue"))
                .setWorkflowId(workflowId)
                .build());
    stub.start(JSON.readTree(flag(start, "--input")));
    JsonNode decision = JSON.readTree(flag(signal, "--input"));
    bed.client
        .newUntypedWorkflowStub(flag(signal, "--workflow-id"))
        .signal(flag(signal, "--name"), decision);

    OnboardResult result = stub.getResult(OnboardResult.class);
    OnboardStatus status =
        bed.client
            .newUntypedWorkflowStub(flag(query, "--workflow-id"))
            .query(flag(query, "--type"), OnboardStatus.class);

    assertThat(result.outcome()).isEqualTo("COMPLETED");
    assertThat(status.approval().decision().by()).isEqualTo(decision.get("by").asText());
    assertThat(bed.brevo.member("ada@example.com")).hasValueSatisfying(m -> m.isActive());
    assertThat(bed.brevo.listMemberEmails(2)).contains("ada@example.com");
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
