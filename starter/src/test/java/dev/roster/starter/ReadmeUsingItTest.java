package dev.roster.starter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.starter.cli.RosterCommand;
import dev.roster.starter.local.DevRecord;
import dev.roster.starter.local.LocalPayloadKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's "Using it" block, run line by line against {@code roster dev} started as its own
 * process (on free ports) in a fresh directory. Lines whose comment says "exit 2" must be refused
 * with exit 2; every other line must exit 0. Two lines run as processes of their own in that
 * directory, with no flag saying where Temporal is: they find {@code roster dev} through its
 * record. The others run in this JVM (a process each would take minutes), with {@code --config}
 * naming the address the record holds.
 */
class ReadmeUsingItTest {
  private static final List<String> AS_PROCESSES = List.of("roster status", "roster approvals");

  @TempDir Path dir;

  @Test
  @Timeout(600)
  void theUsingItBlockRunsAgainstRosterDev() throws Exception {
    String section = section(Files.readString(Path.of("..", "README.md")), "## Using it");
    List<String> lines = commands(block(section, "```\n"));
    String accounts = block(section, "```yaml\n");
    int deadPort = freePort();
    Files.writeString(
        dir.resolve("roster.yaml"), accounts + "temporal: {embeddedPort: " + deadPort + "}\n");
    assertThat(lines.get(1)).startsWith("./roster dev");

    assertThat(inProcess(lines.get(0), null).code).isZero();
    // Free ports for both: other processes on the machine may hold the defaults (7233, 8080).
    Process dev =
        start(
            args(lines.get(1)),
            "--temporal-port",
            Integer.toString(freePort()),
            "--http-port",
            Integer.toString(freePort()),
            // Documented in dev's help: the sandbox person accepts sooner than the default 30 s.
            "--accept-after",
            "1s");
    try {
      awaitLine(dev, "Press Ctrl-C to stop.");
      Path record = dir.resolve(DevRecord.FILE_NAME);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(record)))
          .isEqualTo("rw-------");
      // Against an address, a command needs the subject key and the payload key: the ephemeral
      // ones roster dev recorded, so the in-process lines and the processes that follow the
      // record compute the same ids and read the same histories.
      DevRecord recorded = DevRecord.find(dir, Map.of()).orElseThrow().record();
      Path subjectKey = dir.resolve("subject.key");
      Files.writeString(subjectKey, recorded.subjectKey());
      assertThat(recorded.payloadKey()).isNotBlank();
      Path key = dir.resolve("payload.key");
      Files.writeString(key, recorded.payloadKey());
      Path client = dir.resolve("client.yaml");
      Files.writeString(
          client,
          accounts
              + "temporal: {address: \""
              + recorded.temporal()
              + "\", payloadKeys: {active: "
              + LocalPayloadKeys.EPHEMERAL_ID
              + ", keys: {"
              + LocalPayloadKeys.EPHEMERAL_ID
              + ": {file: \""
              + key
              + "\"}}}}\nsubjectKey: {file: \""
              + subjectKey
              + "\"}\n");
      for (String line : lines.subList(2, lines.size())) {
        boolean own = AS_PROCESSES.stream().anyMatch(line::contains);
        Result result = own ? run(line) : inProcess(line, client);
        int expected = line.contains("# exit 2") ? 2 : 0;
        assertThat(result.code).as(line + "\n" + result.output).isEqualTo(expected);
        if (line.contains("roster offboard ada@example.com --erase")) {
          assertThat(result.output())
              .containsPattern(
                  "Roster's own records of this person \\(subject s-[0-9a-f]{24}\\):"
                      + " offboard-RITM0010002, onboard-s-[0-9a-f]{24}\\.");
          // The records are named by id and hash only (a manual task's text, for the operator
          // who does it, may name the address; the line about Roster's records never does).
          assertThat(result.output().lines().filter(l -> l.startsWith("Roster's own records")))
              .singleElement()
              .asString()
              .doesNotContain("ada@example.com");
        }
        if (line.contains("roster cancel")) {
          assertThat(result.output).contains("Finished: CANCELLED").contains("contacts intact");
        }
        if (line.contains("roster approvals")) {
          assertThat(result.output)
              .contains("about: g***@example.com (s-")
              .contains("grants: admin on brevo-main");
        }
        if (line.contains("roster approve") && line.contains("--by carol")) {
          assertThat(result.output)
              .contains(
                  "onboard-RITM0010001 refused the decision: approve by carol: the requester"
                      + " cannot decide their own request");
        }
        if (line.contains("--amend")) {
          assertThat(result.output)
              .contains("Amended onboard-RITM0010001: added brevo-main lists 7");
        }
      }
    } finally {
      dev.destroy(); // SIGTERM: the shutdown hook removes the record
      assertThat(dev.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(dir.resolve(DevRecord.FILE_NAME)).doesNotExist();

    // Without the record there is neither an address nor the key of roster dev's payloads.
    Result after = run("./roster status onboard-RITM0010001");
    assertThat(after.code).isEqualTo(2);
    assertThat(after.output)
        .contains("no running `roster dev` recorded in " + dir)
        .contains("temporal.payloadKeys");
  }

  /** Runs a line in this JVM, with {@code --config config} when given. */
  private static Result inProcess(String line, Path config) {
    List<String> args = new ArrayList<>(args(line));
    if (config != null) {
      args.add("--config");
      args.add(config.toString());
    }
    StringWriter out = new StringWriter();
    CommandLine cli = RosterCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    int code = cli.execute(args.toArray(String[]::new));
    return new Result(code, out.toString());
  }

  /** A finished command: exit code and its stdout and stderr together. */
  private record Result(int code, String output) {}

  private Result run(String line) throws IOException, InterruptedException {
    Process p = start(args(line));
    CompletableFuture<String> output =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return e.toString();
              }
            });
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(line).isTrue();
    return new Result(p.exitValue(), output.join());
  }

  private Process start(List<String> args, String... more) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.roster.starter.Main");
    command.addAll(args);
    command.addAll(List.of(more));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("TEMPORAL_") || k.startsWith("ROSTER"));
    env.put("XDG_STATE_HOME", dir.resolve("state").toString());
    return builder.start();
  }

  /** Reads the process's output until {@code wanted} appears (the process keeps running). */
  private static void awaitLine(Process process, String wanted) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      seen.append(line).append('\n');
      if (line.contains(wanted)) {
        // Keep draining so the process never blocks on a full pipe.
        CompletableFuture.runAsync(() -> reader.lines().forEach(l -> {}));
        return;
      }
    }
    throw new AssertionError("roster dev ended before it was ready:\n" + seen);
  }

  /** The arguments of a {@code ./roster ...} line: shell words, comment dropped. */
  static List<String> args(String line) {
    String command = line.replaceFirst("^\\./roster\\s*", "");
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    boolean quoted = false;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        word = word == null ? new StringBuilder() : word;
      } else if (c == '#' && !quoted && (word == null)) {
        break;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  /** The {@code ./roster} lines of a block, continuation lines joined. */
  private static List<String> commands(String block) {
    List<String> out = new ArrayList<>();
    StringBuilder current = null;
    for (String raw : block.split("\n")) {
      String line = raw.strip();
      if (current != null) {
        current.append(' ').append(line.replace("\\", "").strip());
      } else if (line.startsWith("./roster")) {
        current = new StringBuilder(line.replace("\\", "").strip());
      }
      if (current != null && !line.endsWith("\\")) {
        out.add(current.toString());
        current = null;
      }
    }
    return out;
  }

  private static String section(String readme, String heading) {
    int start = readme.indexOf(heading);
    assertThat(start).as(heading).isNotNegative();
    int end = readme.indexOf("\n## ", start + heading.length());
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  /** The first fenced block opening with {@code fence}, without its fences. */
  private static String block(String section, String fence) {
    int start = section.indexOf(fence);
    assertThat(start).as("a " + fence.strip() + " block").isNotNegative();
    int from = start + fence.length();
    return section.substring(from, section.indexOf("```", from));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
