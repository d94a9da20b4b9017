package dev.roster.starter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.codec.PayloadKeyRing;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The CLI door refuses a bad request with exit 2 and one line naming the option, before it talks to
 * Temporal: the configuration points at a port nobody listens on, so a request that got as far as a
 * start would fail with exit 1 instead.
 */
class RequestDoorsTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;
  private Path config;

  @BeforeEach
  void configuration() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path key = dir.resolve("payload.key");
    Files.writeString(key, PayloadKeyRing.newKey());
    config = dir.resolve("roster.yaml");
    Path subjectKey = dir.resolve("subject.key"); // a configured cluster needs the subject key
    Files.writeString(subjectKey, "request-doors-subject-key-32byte");
    Files.writeString(
        config,
        String.join(
            "\n",
            "temporal: {address: \"127.0.0.1:"
                + port
                + "\", payloadKeys: {active: k1, keys: {k1: {file: \""
                + key
                + "\"}}}}",
            "subjectKey: {file: \"" + subjectKey + "\"}",
            "accounts:",
            "  brevo-main: {type: brevo}",
            "  mailersend-main: {type: mailersend}",
            ""));
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--config");
    all.add(config.toString());
    CommandLine cli = RosterCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(all.toArray(String[]::new));
  }

  @Test
  void aRoleThatIsNotRostersIsRefused() {
    assertThat(run("onboard", "ada@example.com", "--account", "brevo-main", "--role", "superuser"))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "roster: --role: 'superuser' is not a Roster role (viewer, editor or admin)"
                + System.lineSeparator());
  }

  @Test
  void aTicketThatIsAnEmailIsRefusedWithoutEchoingIt() {
    assertThat(
            run(
                "onboard",
                "ada@example.com",
                "--account",
                "brevo-main",
                "--ticket",
                "zed@example.com"))
        .isEqualTo(2);
    assertThat(err.toString())
        .startsWith("roster: --ticket: not a ticket number: 1-64 letters, digits")
        .doesNotContain("zed");
    assertThat(run("offboard", "ada@example.com", "--ticket", "zed@example.com")).isEqualTo(2);
  }

  @Test
  void anEmptyRequesterIsRefused() {
    assertThat(run("onboard", "ada@example.com", "--account", "brevo-main", "--requested-by", ""))
        .isEqualTo(2);
    assertThat(err.toString()).startsWith("roster: --requested-by: say who asks");
    assertThat(run("offboard", "ada@example.com", "--requested-by", "  ")).isEqualTo(2);
    assertThat(run("import", "x.csv", "--account", "brevo-main", "--requested-by", ""))
        .isEqualTo(2);
  }

  @Test
  void aListOnAVendorWithoutListsAndAListIdThatIsNotOneAreRefused() {
    assertThat(run("onboard", "ada@example.com", "--account", "mailersend-main", "--list", "3"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "assignments[0].lists: mailersend-main is a mailersend account, and mailersend has no"
                + " lists");

    assertThat(run("onboard", "ada@example.com", "--account", "brevo-main", "--list", "news"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("assignments[0].lists: 'news' is not a list id");
  }

  @Test
  void aChangeIsCheckedAtTheDoorNamingWhatAndWhere() {
    assertThat(run("change", "ada@example.com", "--account", "brevo-main", "--list", "7"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("--list '7' after --account brevo-main: write +ID to subscribe or -ID");

    assertThat(run("change", "ada@example.com", "--account", "brevo-main", "--role", "boss"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--role: 'boss' is not a Roster role");

    assertThat(run("change", "ada@example.com", "--account", "mailersend-main", "--list", "-3"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("changes[0].lists: mailersend-main is a mailersend account");

    assertThat(run("change", "ada@example.com", "--account", "nowhere", "--role", "viewer"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("changes[0].account: unknown vendor account 'nowhere'");

    assertThat(run("change", "ada@example.com", "--account", "brevo-main")).isEqualTo(2);
    assertThat(err.toString()).contains("changes[0]: nothing to change");

    assertThat(run("change", "ada@example.com")).isEqualTo(2);
    assertThat(err.toString()).contains("changes: nothing to do");

    assertThat(
            run(
                "change",
                "ada@example.com",
                "--account",
                "brevo-main",
                "--role",
                "viewer",
                "--remove-account",
                "brevo-main"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("removeAccounts[0]: account brevo-main appears twice");
  }

  @Test
  void cancelNeedsWhoAndWhy() {
    assertThat(run("cancel", "onboard-RITM0010001", "--by", "carol")).isEqualTo(2);
    assertThat(err.toString()).contains("--reason");
    assertThat(run("cancel", "onboard-RITM0010001", "--by", "", "--reason", "x")).isEqualTo(2);
  }

  @Test
  void workerHelpPromisesNoBuiltInSandboxAndDemoHelpTellsWhatItRuns() {
    CommandLine cli = RosterCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute("worker", "--help")).isZero();
    assertThat(out.toString())
        .doesNotContain("built-in configuration with")
        .contains("It needs a configuration file (no built-in one)")
        .contains("sandboxes are never used here");

    StringWriter demo = new StringWriter();
    cli.setOut(new PrintWriter(demo, true));
    assertThat(cli.execute("demo", "--help")).isZero();
    assertThat(demo.toString())
        .contains("Brevo, Mailjet, MailerSend and listmonk")
        .contains("offboards Ada")
        .contains("ServiceNow")
        .doesNotContain("two people on a sandbox Brevo");
  }
}
