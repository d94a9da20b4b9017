package dev.roster.starter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.starter.local.Demo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The demo path on the embedded server in real time: what `./roster demo` runs. */
class DemoEndToEndTest {

  @Test
  @Timeout(180)
  void demoOnboardsBothPeopleAndEveryCheckHolds() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    boolean passed;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      passed = new Demo(out).run(Map.of(), freePort());
    }
    String output = buffer.toString(StandardCharsets.UTF_8);
    assertThat(passed).as(output).isTrue();
    assertThat(output)
        .contains("embedded test server")
        .contains("Payloads:  encrypted (AES-256-GCM) with an EPHEMERAL key made for this run")
        .contains("SANDBOX")
        .contains("ACCOUNT          STEP        STATE")
        .contains("refused: approve by demo-requester")
        .doesNotContain("FAIL");
    // No email in a workflow id.
    assertThat(output.lines().filter(l -> l.startsWith("onboard-")))
        .noneMatch(l -> l.contains("@"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
