package dev.roster.starter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.codec.PayloadKeyRing;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a configured cluster the public dev key is never used: {@code roster onboard} with {@code
 * TEMPORAL_ADDRESS} set and no {@code subjectKey} is a usage error, run through the real entry
 * point ({@code dev.roster.starter.Main} in a process of its own, so the environment is its own).
 */
class SubjectKeyCliTest {
  @TempDir Path dir;

  /** The configuration a command against a cluster has: the account, and the payload keys. */
  @BeforeEach
  void configuration() throws IOException {
    Files.writeString(
        dir.resolve("roster.yaml"),
        "accounts: {brevo-main: {type: brevo}}\n"
            + "temporal: {payloadKeys: {active: k1, keys: {k1: {env: PAYLOAD_KEY}}}}\n");
  }

  @Test
  @Timeout(120)
  void onboardAgainstAClusterWithoutASubjectKeyExitsTwoNamingTheKey() throws Exception {
    Result result = onboard(Map.of("TEMPORAL_ADDRESS", "127.0.0.1:" + freePort()));

    assertThat(result.code()).as(result.output()).isEqualTo(2);
    assertThat(result.output())
        .contains("subjectKey")
        .contains("ROSTER_SUBJECT_KEY")
        .doesNotContain("cannot reach Temporal"); // refused before anything is tried
  }

  @Test
  @Timeout(120)
  void withTheKeySetTheSameCommandGoesOnToConnect() throws Exception {
    int port = freePort();
    Result result =
        onboard(
            Map.of(
                "TEMPORAL_ADDRESS",
                "127.0.0.1:" + port,
                "ROSTER_SUBJECT_KEY",
                "a-subject-key-of-32-bytes-length"));

    assertThat(result.code()).as(result.output()).isEqualTo(1);
    assertThat(result.output())
        .contains("cannot reach Temporal at 127.0.0.1:" + port)
        .doesNotContain("subjectKey");
  }

  private Result onboard(Map<String, String> extraEnv) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.roster.starter.Main");
    command.addAll(List.of("onboard", "ada@example.com", "--account", "brevo-main"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("TEMPORAL_") || k.startsWith("ROSTER"));
    env.put("XDG_STATE_HOME", dir.resolve("state").toString());
    env.put("PAYLOAD_KEY", PayloadKeyRing.newKey());
    env.putAll(extraEnv);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private record Result(int code, String output) {}

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
