package dev.roster.starter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.starter.cli.RosterCommand;
import dev.roster.workflows.codec.PayloadKeyRing;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** What a user sees on misuse and with --help: one clear line, the right exit code. */
class CliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = RosterCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dev",
        "demo",
        "worker",
        "serve",
        "setup",
        "onboard",
        "import",
        "offboard",
        "change",
        "status",
        "approve",
        "reject",
        "approvals",
        "tasks",
        "complete-task",
        "cancel"
      })
  void everyCommandHasHelpWithAnExample(String command) {
    assertThat(run(command, "--help")).isZero();
    assertThat(out.toString()).contains("Usage: roster " + command).contains("Example");
  }

  @Test
  void unknownCommandFailsWithOneLineAndUsageExitCode() {
    assertThat(run("bogus")).isEqualTo(2);
    assertThat(err.toString()).startsWith("roster: ").contains("bogus");
  }

  @Test
  void onboardWithoutAccountSaysWhatIsMissing() {
    assertThat(run("onboard", "ada@example.com")).isEqualTo(2);
    assertThat(err.toString()).contains("--account");
  }

  @Test
  void onboardRefusesAnInvalidEmailBeforeConnecting(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("roster.yaml");
    Files.writeString(config, "accounts:\n  brevo-main:\n    type: brevo\n" + payloadKeys(dir));
    int code =
        run("onboard", "not-an-email", "--account", "brevo-main", "--config", config.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("person.email").doesNotContain("Exception");
  }

  @Test
  void onboardRefusesAnUnknownAccountNamingTheConfiguredOnes(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("roster.yaml");
    Files.writeString(config, "accounts:\n  brevo-main:\n    type: brevo\n" + payloadKeys(dir));
    int code =
        run("onboard", "ada@example.com", "--account", "brevo-x", "--config", config.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("brevo-x").contains("brevo-main");
  }

  /** A {@code temporal.payloadKeys} section with a fresh key in a file under {@code dir}. */
  static String payloadKeys(Path dir) throws IOException {
    Path key = dir.resolve("payload.key");
    Files.writeString(key, PayloadKeyRing.newKey() + "\n");
    return "temporal: {payloadKeys: {active: k1, keys: {k1: {file: \"" + key + "\"}}}}\n";
  }

  @Test
  void badConfigurationNamesTheKey(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("roster.yaml");
    Files.writeString(config, "accounts:\n  brevo-main:\n    type: brevo\n    baseUrI: x\n");
    int code = run("status", "onboard-x", "--config", config.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("accounts.brevo-main.baseUrI");
  }

  @Test
  void missingConfigFileIsAnError(@TempDir Path dir) {
    int code = run("status", "onboard-x", "--config", dir.resolve("nope.yaml").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("nope.yaml");
  }

  @Test
  void importOutOfRangeNumbersAreUsageErrorsBeforeAnythingStarts() {
    int code = run("import", "c.csv", "--account", "brevo-main", "--invites-in-flight", "0");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--invites-in-flight must be between 1 and 500 (got 0)");

    code = run("import", "c.csv", "--account", "brevo-main", "--approval-threshold", "0");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--approval-threshold must be 1 or more (got 0)");
  }

  @Test
  void noTemporalServerSaysHowToStartOne(@TempDir Path dir) throws IOException {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path key = dir.resolve("payload.key");
    Files.writeString(key, PayloadKeyRing.newKey() + "\n");
    Path config = dir.resolve("roster.yaml");
    Files.writeString(
        config,
        "temporal: {address: \"127.0.0.1:"
            + port
            + "\", payloadKeys: {active: k1, keys: {k1: {file: \""
            + key
            + "\"}}}}\n");

    int code = run("status", "import-x", "--config", config.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "roster: cannot reach Temporal at 127.0.0.1:"
                + port
                + " (UNAVAILABLE; from temporal.address in the configuration): is Temporal running"
                + " there, and is that address right?"
                + System.lineSeparator());
  }

  @ParameterizedTest
  @ValueSource(strings = {"status import-x", "worker", "serve"})
  @Timeout(60)
  void aRoleOrCommandAgainstAConfiguredClusterWithoutPayloadKeysExits2NamingTheKey(
      String command, @TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret");
    Files.writeString(secret, "a-subject-key-of-more-than-16-bytes\n");
    Path config = dir.resolve("roster.yaml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "temporal: {address: \"127.0.0.1:7233\"}",
            "subjectKey: {file: \"" + secret + "\"}",
            "imports: {enabled: false}",
            "accounts: {brevo-main: {type: brevo, credentials: {file: \"" + secret + "\"}}}",
            ""));
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.addAll(List.of("--config", config.toString()));

    int code = run(args.toArray(String[]::new));

    assertThat(code).as(err.toString()).isEqualTo(2);
    assertThat(err.toString()).contains("temporal.payloadKeys: required");
  }
}
