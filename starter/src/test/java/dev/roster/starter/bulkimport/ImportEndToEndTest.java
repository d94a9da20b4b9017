package dev.roster.starter.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.listmonk.FakeListmonk;
import dev.roster.sandbox.mailjet.FakeMailjet;
import dev.roster.starter.cli.RosterCommand;
import dev.roster.starter.local.LocalStack;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.workflows.codec.PayloadKeyRing;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
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
    // The stack and the CLI share the configured payload key, as a worker and the CLI would.
    Path key = dir.resolve("payload.key");
    Files.writeString(key, PayloadKeyRing.newKey());
    String yaml =
        String.join(
            "\n",
            "temporal: {embeddedPort: "
                + freePort()
                + ", payloadKeys: {active: k1, keys: {k1: {file: \""
                + key
                + "\"}}}}",
            "accounts:",
            "  " + MAILJET + ":",
            "    type: mailjet",
            "    sandbox: true",
            "  " + LISTMONK + ":",
            "    type: listmonk",
            "    sandbox: true",
            "    baseUrl: http://127.0.0.1:9",
            "approvals: {privilegedRoles: [admin], timeout: 1h, remindEvery: 10m}",
            "imports: {store: " + dir.resolve("store") + ", allowedRoots: [" + dir + "]}",
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
    String[] all = new String[args.length + 1];
    all[0] = "import";
    System.arraycopy(args, 0, all, 1, args.length);
    return cli(all);
  }

  /** Any roster command, with this test's configuration. */
  private int cli(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = RosterCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
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
    Path uploads = Files.createDirectories(dir.resolve("uploads"));
    Path csv = uploads.resolve("contacts.csv");
    Set<String> valid = writeCsv(csv, 40);
    FakeMailjet mailjet = stack.sandboxes().fake(MAILJET, FakeMailjet.class);
    FakeListmonk listmonk = stack.sandboxes().fake(LISTMONK, FakeListmonk.class);
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
    // Nothing beside the source: the report is in the store.
    try (Stream<Path> beside = Files.list(uploads)) {
      assertThat(beside).containsExactly(csv);
    }
    String dryRunId = out.toString().replaceAll("(?s).*(import-dry-run-[0-9a-f]+).*", "$1");
    assertThat(dryRunId).startsWith("import-dry-run-");
    assertThat(dir.resolve("store").resolve(dryRunId).resolve("failures.csv")).exists();
    assertThat(cli("status", dryRunId)).isZero();
    assertThat(out.toString())
        .contains("DRY_RUN: 40 rows read, 38 valid, 2 invalid; nothing was sent")
        .contains("SKIPPED   DRY_RUN: nothing sent");

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
    assertThat(stack.sandboxes().fake(MAILJET, FakeMailjet.class).listMemberEmails(MAILJET_LIST))
        .isEmpty();
  }

  @Test
  void filesOutsideTheAllowedRootsAndDirectoriesAreRefusedBeforeAnythingStarts()
      throws IOException {
    Path outside = Files.createTempFile("roster-outside", ".csv");
    try {
      Files.writeString(outside, "root:x:0:0:root:/root:/bin/bash\n");
      Path link = Files.createSymbolicLink(dir.resolve("link.csv"), outside);
      for (Path refused : List.of(outside, link, dir.resolve(dir.relativize(outside)))) {
        assertThat(run(refused.toString(), "--account", MAILJET, "--dry-run"))
            .as(refused.toString())
            .isEqualTo(2);
        assertThat(err.toString())
            .contains("is outside imports.allowedRoots [" + dir.toRealPath() + "]")
            .doesNotContain("root:x");
      }
    } finally {
      Files.deleteIfExists(outside);
    }
    Path folder = Files.createDirectories(dir.resolve("exports"));
    assertThat(run(folder.toString(), "--account", MAILJET, "--dry-run")).isEqualTo(2);
    assertThat(err.toString()).contains(folder + " is a directory");
  }

  @Test
  @Timeout(60)
  void binaryFilesAndCsvsWithoutAHeaderFailWithoutEchoingTheirContent() throws IOException {
    Path xlsx = dir.resolve("contacts.xlsx");
    Files.write(xlsx, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 'a', 'd', 'a', '@', 'x'});
    assertThat(run(xlsx.toString(), "--account", MAILJET, "--dry-run")).isEqualTo(1);
    assertThat(err.toString()).contains("not a text CSV");

    Path headless = dir.resolve("people.csv");
    Files.writeString(headless, "ada@example.com,Ada,Lovelace\ngrace@example.com,Grace,Hopper\n");
    assertThat(run(headless.toString(), "--account", MAILJET, "--dry-run")).isEqualTo(1);
    assertThat(err.toString()).contains("line 1 has 3 columns, none named 'email'");
    assertThat(out.toString() + err).doesNotContain("ada@example.com").doesNotContain("Lovelace");
  }

  @Test
  void listIdsMustFitTheVendor() throws IOException {
    Path csv = dir.resolve("c.csv");
    writeCsv(csv, 3);
    assertThat(run(csv.toString(), "--account", MAILJET, "--list", "newsletter")).isEqualTo(2);
    assertThat(err.toString())
        .contains("targets[0].lists: 'newsletter' is not a list id (a positive whole number)");
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
