package dev.roster.bench;

import static dev.roster.bench.ImportBench.fmt;
import static dev.roster.bench.ImportBench.freePort;
import static dev.roster.bench.ImportBench.mb;
import static dev.roster.bench.ImportBench.procStatus;

import dev.roster.sandbox.SandboxFake;
import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.sandbox.mailersend.FakeMailerSend;
import dev.roster.starter.ImportStarter;
import dev.roster.starter.local.LocalStack;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.bulkimport.ImportProgress;
import dev.roster.workflows.bulkimport.ImportSettings;
import dev.roster.workflows.bulkimport.ImportTarget;
import dev.roster.workflows.bulkimport.InviteProgress;
import dev.roster.workflows.approval.Decision;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Team-invitation benchmark: N rows that all ask for team access, imported once into a sandbox
 * MailerSend account and once into a sandbox Brevo account (one vendor per import, so each
 * vendor's pace is its own), every child OnboardUser through the import's invitation window, on a
 * LocalStack in real time. Each vendor's documented limit on the family that binds invitations is
 * divided by one scale factor: MailerSend 60 requests/min, Brevo organization 100/hour.
 *
 * <p>Usage: {@code InviteBench [rows] [scale] [resultsDir]}.
 */
public final class InviteBench {
  static final String MAILERSEND = "mailersend-bench";
  static final String BREVO = "brevo-bench";
  static final double MAILERSEND_MS = 60_000.0 / 60; // every endpoint but /v1/email: 60 per minute
  static final double BREVO_ORG_MS = 3_600_000.0 / 100; // /organization/* and /processes: 100/h
  static final double BREVO_CONTACTS_MS = 1000.0 / 10; // /contacts/*: 10 per second

  /** One vendor's run. */
  record Run(
      String account,
      String family,
      long intervalMs,
      int rows,
      String outcome,
      InviteProgress invites,
      long invitedAtVendor,
      int familyCalls,
      int totalCalls,
      double firstToLast,
      double wall) {
    double minimum() {
      return Math.max(0, familyCalls - 1) * intervalMs / 1000.0;
    }

    double ratio() {
      return minimum() == 0 ? Double.NaN : firstToLast / minimum();
    }
  }

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    double scale = args.length > 1 ? Double.parseDouble(args[1]) : 200;
    Path results = Path.of(args.length > 2 ? args[2] : "bench/results");
    Path work = Files.createTempDirectory("roster-invite-bench");
    long mailerSendMs = Math.max(1, Math.round(MAILERSEND_MS / scale));
    long orgMs = Math.max(1, Math.round(BREVO_ORG_MS / scale));
    long contactsMs = Math.max(1, Math.round(BREVO_CONTACTS_MS / scale));
    String yaml =
        String.join(
            "\n",
            "temporal: {embeddedPort: " + freePort() + "}",
            "accounts:",
            "  " + MAILERSEND + ":",
            "    type: mailersend",
            "    sandbox: true",
            "    rateBudgets: {api: {requests: 1, per: " + mailerSendMs + "ms}}",
            "  " + BREVO + ":",
            "    type: brevo",
            "    sandbox: true",
            "    rateBudgets:",
            "      organization: {requests: 1, per: " + orgMs + "ms}",
            "      contacts: {requests: 1, per: " + contactsMs + "ms}",
            "approvals: {privilegedRoles: [admin], timeout: 1h, remindEvery: 10m}",
            "imports: {store: " + work.resolve("store") + ", allowedRoots: [" + work + "]}",
            "");
    RosterConfig config = ConfigLoader.parse(yaml, "bench", Map.of());
    ByteArrayOutputStream banner = new ByteArrayOutputStream();
    try (LocalStack stack =
        LocalStack.start(
            config,
            Map.of(),
            // Invitations are accepted a day later: the benchmark measures sending them.
            new LocalStack.Options(null, 0, Duration.ofDays(1)),
            new PrintStream(banner, true, StandardCharsets.UTF_8))) {
      WorkflowClient client = stack.connection().client();
      ImportStarter starter = new ImportStarter(client, config.accounts().keySet());
      var mailerSend = stack.sandboxes().fake(MAILERSEND, FakeMailerSend.class);
      Run ms =
          run(
              client,
              starter,
              work,
              rows,
              MAILERSEND,
              List.of(),
              mailerSend,
              "api (/v1/*)",
              r -> r.path().startsWith("/v1/"),
              mailerSendMs,
              () ->
                  mailerSend.invites().stream()
                      .filter(i -> i.email().endsWith("@" + MAILERSEND + ".example.com"))
                      .count());
      var brevo = stack.sandboxes().fake(BREVO, FakeBrevo.class);
      Run br =
          run(
              client,
              starter,
              work,
              rows,
              BREVO,
              List.of("2"),
              brevo,
              "organization (/organization/*, /processes/*)",
              r -> r.path().startsWith("/v3/organization") || r.path().startsWith("/v3/processes"),
              orgMs,
              () ->
                  brevo.members().stream()
                      .filter(m -> m.email().endsWith("@" + BREVO + ".example.com"))
                      .count());
      write(results, args, rows, scale, List.of(ms, br));
      boolean ok =
          List.of(ms, br).stream()
              .allMatch(r -> "COMPLETED".equals(r.outcome()) && r.invitedAtVendor() == rows);
      System.exit(ok ? 0 : 1);
    }
  }

  private static Run run(
      WorkflowClient client,
      ImportStarter starter,
      Path work,
      int rows,
      String account,
      List<String> lists,
      SandboxFake fake,
      String family,
      Predicate<dev.roster.sandbox.FakeRequest> inFamily,
      long intervalMs,
      java.util.function.LongSupplier invitedAtVendor)
      throws Exception {
    Path csv = work.resolve(account + ".csv");
    try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write("email,first_name,last_name,role\n");
      for (int i = 0; i < rows; i++) {
        out.write("member" + i + "@" + account + ".example.com,First" + i + ",Last" + i + ",viewer\n");
      }
    }
    ImportSettings settings = new ImportSettings(false, 0, 0, work.toString(), 0, null, 0);
    String id =
        starter.start(
            new BulkImportRequest(
                csv.toString(),
                List.of(new ImportTarget(account, lists)),
                settings,
                "bench-requester",
                null,
                null));
    WorkflowStub stub = client.newUntypedWorkflowStub(id);
    while (!"approval".equals(stub.query("progress", ImportProgress.class).phase())) {
      Thread.sleep(50);
    }
    fake.resetCounters();
    ImportBench.CallClock clock =
        new ImportBench.CallClock(
            () -> (int) fake.requests().stream().filter(inFamily).count());
    stub.signal("approve", new Decision("bench-approver", "benchmark", "bench"));
    long start = System.nanoTime();
    Sampler sampler = new Sampler(clock::sample);
    BulkImportResult result;
    while (true) {
      try {
        result = stub.getResult(2, TimeUnit.SECONDS, BulkImportResult.class);
        break;
      } catch (TimeoutException e) {
        InviteProgress p = stub.query("progress", ImportProgress.class).invitations();
        System.out.printf(
            "%-16s %6.1fs invitations %d/%d sent, %d in flight, %d failed%n",
            account, (System.nanoTime() - start) / 1e9, p.invited(), p.asked(), p.inFlight(),
            p.failed());
      }
    }
    long end = System.nanoTime();
    sampler.close();
    clock.sample(end);
    Run run =
        new Run(
            account,
            family,
            intervalMs,
            rows,
            result.outcome(),
            result.status().progress().invitations(),
            invitedAtVendor.getAsLong(),
            clock.delta(),
            fake.totalCalls(),
            clock.first < 0 ? 0 : (clock.last - clock.first) / 1e9,
            (end - start) / 1e9);
    System.out.println(account + ": " + result.outcome() + " " + result.summary());
    return run;
  }

  private static void write(Path results, String[] args, int rows, double scale, List<Run> runs)
      throws IOException {
    StringBuilder md = new StringBuilder();
    String date = LocalDate.now().toString();
    md.append("# Team-invitation benchmark, ").append(date).append("\n\n");
    md.append("Command: `bench/run-invites.sh")
        .append(args.length > 0 ? " " + String.join(" ", args) : "")
        .append("`\n\n");
    md.append("- Rows: ").append(rows).append(" per vendor, every one with role `viewer`;")
        .append(" one BulkImport per vendor (sandbox MailerSend, then sandbox Brevo), approved once;")
        .append(" each row becomes a child OnboardUser through the import's invitation window")
        .append(" (default: 20 children whose invitations are not out yet)\n");
    md.append("- **Scale factor: ").append(fmt(scale))
        .append("**: every documented limit divided by it, as one request per interval (no bursts)")
        .append(" in both the worker's `rateBudgets` and the fakes: MailerSend 60/min → 1 per ")
        .append(runs.get(0).intervalMs()).append(" ms; Brevo organization 100/h → 1 per ")
        .append(runs.get(1).intervalMs()).append(" ms (Brevo contacts 10/s scaled alike)\n");
    md.append("- Temporal: embedded test server, real time; fakes in the same JVM;")
        .append(" time measured from the approval to the import's result (all invitations out)\n\n");
    md.append("| vendor | outcome | invitations sent (workflow / at the vendor) | calls on the binding family | all calls | first→last call on it (s) | rate-limit minimum (s) | ratio achieved/minimum | wall (s) |\n");
    md.append("|---|---|---:|---|---:|---:|---:|---:|---:|\n");
    for (Run r : runs) {
      md.append("| ").append(r.account()).append(" | ").append(r.outcome()).append(" | ")
          .append(r.invites().invited()).append(" / ").append(r.invitedAtVendor()).append(" | ")
          .append(r.family()).append(": ").append(r.familyCalls()).append(" × ")
          .append(r.intervalMs()).append(" ms | ").append(r.totalCalls()).append(" | ")
          .append(fmt(r.firstToLast())).append(" | ").append(fmt(r.minimum())).append(" | **")
          .append(Double.isNaN(r.ratio()) ? "n/a" : String.format(Locale.ROOT, "%.2f", r.ratio()))
          .append("** | ").append(fmt(r.wall())).append(" |\n");
    }
    md.append("\nMinimum = (calls − 1) × interval on the binding family; achieved = first to last")
        .append(" call on it, sampled every 5 ms. Target ≤ 1.25. Unscaled, the same calls need at")
        .append(" least: ");
    md.append(
        String.join(
            ", ",
            runs.stream()
                .map(r -> r.account() + " " + fmt(r.minimum() * scale) + " s")
                .toList()));
    long poolPeak = Sampler.heapPoolsPeak();
    md.append(".\n\nMemory (whole JVM: embedded Temporal, worker, both fakes, both runs): sum of")
        .append(" heap pools' peaks ").append(mb(poolPeak)).append(" MB; peak RSS (VmHWM) ")
        .append(procStatus("VmHWM")).append(".\n");
    Files.createDirectories(results);
    Path file = results.resolve("invites-" + date + ".md");
    Files.writeString(file, md.toString());
    System.out.println(md);
    System.out.println("wrote " + file);
  }
}
