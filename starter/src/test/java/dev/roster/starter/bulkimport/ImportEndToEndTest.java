package dev.roster.starter.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.listmonk.FakeListmonk;
import dev.roster.sandbox.mailjet.FakeMailjet;
import dev.roster.starter.cli.RosterCommand;
import dev.roster.starter.local.LocalStack;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code roster import} through the CLI against a LocalStack (embedded Temporal in real time,
 * sandbox Mailjet and listmonk): a dry run changes nothing, the import puts exactly the valid rows
 * in the lists, and a large one stops at the approval saying how to approve.
 */
class ImportEndToEndTest {
  private static final String MAILJET = "mailjet-e2e";
  private static final String LISTMONK = "listmonk-e2e";
  private static final long MAILJET_LIST = 10;

  @TempDir Path dir;
  private LocalStack stack;
  private Path config;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws IOException {
    String yaml =
        String.join(
            "\n",
            "temporal: {embeddedPort: " + freePort() + "}",
            "accounts:",
            "  " + MAILJET + ":",
            "    type: mailjet",
            "    sandbox: true",
            "  " + LISTMONK + ":",
            "    type: listmonk",
            "    sandbox: true",
            "    baseUrl: http://127.0.0.1:9",
            "approvals: {privilegedRoles: [admin], timeout: 1h, remindEvery: 10m}",
            "");
    config = dir.resolve("roster.yaml");
    Files.writeString(config, yaml);
    RosterConfig parsed = ConfigLoader.parse(yaml, "e2e", Map.of());
    stack =
        LocalStack.start(
            parsed,
            Map.of(),
            new LocalStack.Options(null, 0, Duration.ofSeconds(1)),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = RosterCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 3];
    all[0] = "import";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--config";
    all[args.length + 2] = config.toString();
    return cli.execute(all);
  }

  /** 40 rows: 38 valid, a bad email on line 4 and a duplicate on line 9. */
  private Set<String> writeCsv(Path file, int rows) throws IOException {
    Set<String> valid = new TreeSet<>();
    StringBuilder csv = new StringBuilder("email,first_name,last_name\n");
    for (int i = 0; i < rows; i++) {
      long line = i + 2;
      if (line == 4) {
        csv.append("not-an-email,Bad,Row\n");
      } else if (line == 9) {
        csv.append("person0@example.com,Dup,Row\n");
      } else {
        String email = "person" + i + "@example.com";
        csv.append(email).append(",First").append(i).append(",Last").append(i).append('\n');
        valid.add(email);
      }
    }
    Files.writeString(file, csv);
    return valid;
  }

  @Test
  @Timeout(150)
  void dryRunChangesNothingThenTheImportPutsExactlyTheValidRowsInTheLists() throws Exception {
    Path csv = dir.resolve("contacts.csv");
    Set<String> valid = writeCsv(csv, 40);
    FakeMailjet mailjet = stack.sandboxes().mailjet(MAILJET);
    FakeListmonk listmonk = stack.sandboxes().listmonk(LISTMONK);
    long listmonkList = listmonk.createList("Imported");
    int mailjetCalls = mailjet.totalCalls();
    int listmonkCalls = listmonk.totalCalls();
    String[] targets = {
      "--account", MAILJET, "--list", Long.toString(MAILJET_LIST),
      "--account", LISTMONK, "--list", Long.toString(listmonkList)
    };

    String[] dry = concat(new String[] {csv.toString()}, targets, new String[] {"--dry-run"});
    assertThat(run(dry)).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("import-dry-run-")
        .contains("rows read: 40")
        .contains("line 4")
        .contains("line 9")
        .doesNotContain("person1@example.com");
    assertThat(mailjet.totalCalls()).isEqualTo(mailjetCalls);
    assertThat(listmonk.totalCalls()).isEqualTo(listmonkCalls);
    assertThat(mailjet.listMemberEmails(MAILJET_LIST)).isEmpty();
    assertThat(listmonk.listMemberEmails(listmonkList)).isEmpty();

    String[] wait =
        concat(new String[] {csv.toString()}, targets, new String[] {"--wait", "--ticket", "T1"});
    assertThat(run(wait)).as(out + "\n" + err).isZero();
    assertThat(out.toString())
        .contains("Started import-T1")
        .contains("Finished: COMPLETED")
        .contains("38/38")
        .contains("confirmed");
    assertThat(lower(mailjet.listMemberEmails(MAILJET_LIST))).isEqualTo(valid);
    assertThat(lower(listmonk.listMemberEmails(listmonkList))).isEqualTo(valid);
  }

  @Test
  @Timeout(90)
  void aLargeImportStopsAtTheApprovalAndSaysHowToApprove() throws Exception {
    Path csv = dir.resolve("big.csv");
    writeCsv(csv, 40);
    int code =
        run(
            csv.toString(),
            "--account",
            MAILJET,
            "--list",
            "10",
            "--approval-threshold",
            "5",
            "--requested-by",
            "carol",
            "--wait");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Waiting for an approval")
        .contains("roster approve import-");
    assertThat(stack.sandboxes().mailjet(MAILJET).listMemberEmails(MAILJET_LIST)).isEmpty();
  }

  @Test
  void clearErrorsForAMissingFileAndAnUnknownAccount() throws IOException {
    assertThat(run(dir.resolve("nope.csv").toString(), "--account", MAILJET)).isEqualTo(2);
    assertThat(err.toString()).startsWith("roster: no such file: ").contains("nope.csv");

    Path csv = dir.resolve("c.csv");
    writeCsv(csv, 3);
    assertThat(run(csv.toString(), "--account", "brevo-x")).isEqualTo(2);
    assertThat(err.toString())
        .contains("brevo-x")
        .contains(MAILJET)
        .contains(LISTMONK)
        .doesNotContain("Exception");
  }

  private static Set<String> lower(Set<String> emails) {
    Set<String> set = new TreeSet<>();
    emails.forEach(e -> set.add(e.toLowerCase(Locale.ROOT)));
    return set;
  }

  private static String[] concat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
