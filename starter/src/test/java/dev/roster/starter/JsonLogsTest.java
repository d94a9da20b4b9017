package dev.roster.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ROSTER_LOG_FORMAT=json}: a whole demo run as its own process, with the logback.xml the
 * roster jar ships, writes only JSON lines to stderr: each with an ISO-8601 timestamp and zone,
 * those from inside activities with the workflow, run, activity type, attempt and account; and no
 * address of the demo's people in clear anywhere.
 */
class JsonLogsTest {
  private static final List<String> PEOPLE =
      List.of(
          "ada.lovelace@example.com", "grace.hopper@example.com", "katherine.johnson@example.com");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  @Timeout(300)
  void everyLineOfADemoIsJsonWithItsContextAndNoAddress() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path shipped = Path.of(Main.class.getResource("/logback.xml").toURI());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dlogback.configurationFile=" + shipped);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of("demo", "--temporal-port", Integer.toString(port)));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("ROSTER_LOG_FORMAT", "json");
    builder.environment().put("ROSTER_LOG_LEVEL", "INFO");
    builder.redirectOutput(dir.resolve("out.txt").toFile());
    builder.redirectError(dir.resolve("err.txt").toFile());
    Process demo = builder.start();
    assertThat(demo.waitFor(240, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    assertThat(demo.exitValue()).as(out).isZero();
    // The command's own output carries nothing from the logging library's set-up (its status
    // lines went to stdout, into every command's output, before a listener silenced them).
    assertThat(out).doesNotContain("ch.qos.logback");

    List<String> lines = Files.readAllLines(dir.resolve("err.txt"), StandardCharsets.UTF_8);
    assertThat(lines).hasSizeGreaterThan(10);
    List<JsonNode> inActivities = new ArrayList<>();
    for (String line : lines) {
      JsonNode event = JSON.readTree(line); // throws on a line that is not JSON
      assertThat(event.path("timestamp").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)");
      assertThat(event.path("level").asText()).isNotEmpty();
      for (String person : PEOPLE) {
        assertThat(line).doesNotContain(person);
      }
      if (event.has("ActivityType")) {
        inActivities.add(event);
      }
    }
    assertThat(inActivities)
        .anySatisfy(
            e -> {
              assertThat(e.path("account").asText()).isEqualTo("brevo-demo");
              assertThat(e.path("WorkflowId").asText()).startsWith("onboard-");
              assertThat(e.path("RunId").asText()).isNotEmpty();
              assertThat(e.path("Attempt").asText()).isNotEmpty();
              assertThat(e.path("message").asText()).contains("***@example.com");
            });
  }
}
