package dev.roster.bench;

import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.sandbox.listmonk.FakeListmonk;
import dev.roster.sandbox.mailjet.FakeMailjet;
import dev.roster.starter.ImportStarter;
import dev.roster.starter.local.LocalStack;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.workflows.bulkimport.AccountProgress;
import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.bulkimport.ImportProgress;
import dev.roster.workflows.bulkimport.ImportSettings;
import dev.roster.workflows.bulkimport.ImportTarget;
import io.temporal.client.WorkflowStub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;

/**
 * BulkImport benchmark: N generated rows into sandbox Brevo, Mailjet and listmonk on a LocalStack
 * (embedded Temporal, real time), each vendor's documented rate limits scaled by one factor and
 * expressed as one request per interval (no bursts) in both the worker's budgets and the fakes.
 *
 * <p>Usage: {@code ImportBench [rows] [scale] [resultsDir]}.
 */
public final class ImportBench {
  static final String BREVO = "brevo-bench";
  static final String MAILJET = "mailjet-bench";
  static final String LISTMONK = "listmonk-bench";

  /** Documented limits as one request per interval (vendors.md; roster.example.yaml). */
  static final double BREVO_CONTACTS_MS = 1000.0 / 10; // /contacts/* 10 per second

  static final double BREVO_ORG_MS = 3_600_000.0 / 100; // /organization & /processes 100 per hour
  static final double MAILJET_MS = 1000.0 / 3; // 3 per second per API key
  static final double LISTMONK_MS = 1000.0 / 20; // roster's default budget for a listmonk instance

  /** A vendor's calls on one rate-limited family. */
  record Family(String name, int calls, long intervalMs) {
    long minimumMs() {
      return Math.max(0, calls - 1) * intervalMs;
    }
  }

  /** First and last time a fake's call count changed, sampled. */
  static final class CallClock {
    final IntSupplier calls;
    final int base;
    long first = -1;
    long last = -1;
    int seen;

    CallClock(IntSupplier calls) {
      this.calls = calls;
      this.base = calls.getAsInt();
      this.seen = base;
    }

    synchronized void sample(long now) {
      int c = calls.getAsInt();
      if (c != seen) {
        if (first < 0) {
          first = now;
        }
        last = now;
        seen = c;
      }
    }

    int delta() {
      return calls.getAsInt() - base;
    }
  }

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    double scale = args.length > 1 ? Double.parseDouble(args[1]) : 4;
    Path results = Path.of(args.length > 2 ? args[2] : "bench/results");
    Path work = Files.createTempDirectory("roster-import-bench");
    Path csv = work.resolve("contacts-" + rows + ".csv");
    long t0 = System.nanoTime();
    writeCsv(csv, rows);
    System.out.printf(
        "generated %d rows (%d MB) in %.1fs%n",
        rows, Files.size(csv) >> 20, (System.nanoTime() - t0) / 1e9);

    long orgMs = Math.round(BREVO_ORG_MS / scale);
    long contactsMs = Math.max(1, Math.round(BREVO_CONTACTS_MS / scale));
    long mailjetMs = Math.max(1, Math.round(MAILJET_MS / scale));
    long listmonkMs = Math.max(1, Math.round(LISTMONK_MS / scale));
    String yaml =
        String.join(
            "\n",
            "temporal: {embeddedPort: " + freePort() + "}",
            "accounts:",
            "  " + BREVO + ":",
            "    type: brevo",
            "    sandbox: true",
            "    rateBudgets:",
            "      organization: {requests: 1, per: " + orgMs + "ms}",
            "      contacts: {requests: 1, per: " + contactsMs + "ms}",
            "  " + MAILJET + ":",
            "    type: mailjet",
            "    sandbox: true",
            "    rateBudgets: {api: {requests: 1, per: " + mailjetMs + "ms}}",
            "  " + LISTMONK + ":",
            "    type: listmonk",
            "    sandbox: true",
            "    baseUrl: http://127.0.0.1:9",
            "    rateBudgets: {api: {requests: 1, per: " + listmonkMs + "ms}}",
            "approvals: {privilegedRoles: [admin], timeout: 1h, remindEvery: 10m}",
            "imports: {store: " + work.resolve("store") + ", allowedRoots: [" + work + "]}",
            "");
    RosterConfig config = ConfigLoader.parse(yaml, "bench", Map.of());
    ByteArrayOutputStream banner = new ByteArrayOutputStream();
    try (LocalStack stack =
        LocalStack.start(
            config,
            Map.of(),
            new LocalStack.Options(null, 0, Duration.ofSeconds(1)),
            new PrintStream(banner, true, StandardCharsets.UTF_8))) {
      FakeBrevo brevo = stack.sandboxes().fake(BREVO, FakeBrevo.class);
      FakeMailjet mailjet = stack.sandboxes().fake(MAILJET, FakeMailjet.class);
      FakeListmonk listmonk = stack.sandboxes().fake(LISTMONK, FakeListmonk.class);
      long listmonkList = listmonk.createList("Bench");
      int brevoImports0 = brevo.calls("POST", "/v3/contacts/import");
      int brevoOrg0 = brevoOrgCalls(brevo);
      Map<String, CallClock> clocks = new LinkedHashMap<>();
      clocks.put(BREVO, new CallClock(brevo::totalCalls));
      clocks.put(MAILJET, new CallClock(mailjet::totalCalls));
      clocks.put(LISTMONK, new CallClock(listmonk::totalCalls));

      var client = stack.connection().client();
      ImportStarter starter = new ImportStarter(client, config.accounts().keySet());
      ImportSettings settings =
          new ImportSettings(
              false,
              Long.MAX_VALUE / 2, // the benchmark measures the import, not the approval
              20_000, // each vendor's own cap applies: Brevo 10,000, Mailjet 5,000, listmonk 20,000
              work.toString(),
              0,
              Duration.ofMillis(mailjetMs), // polls queue on each family's budget anyway
              0);
      BulkImportRequest request =
          new BulkImportRequest(
              csv.toString(),
              List.of(
                  new ImportTarget(BREVO, List.of("2")),
                  new ImportTarget(MAILJET, List.of("10")),
                  new ImportTarget(LISTMONK, List.of(Long.toString(listmonkList)))),
              settings,
              "bench",
              null,
              null);
      long start = System.nanoTime();
      String id = starter.start(request);
      System.out.println("started " + id);

      long[] peakHeap = {0};
      Sampler sampler =
          new Sampler(
              now -> {
                clocks.values().forEach(c -> c.sample(now));
                peakHeap[0] =
                    Math.max(
                        peakHeap[0],
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
              });

      WorkflowStub stub = client.newUntypedWorkflowStub(id);
      Map<String, Double> doneAt = new LinkedHashMap<>();
      BulkImportResult result;
      while (true) {
        try {
          result = stub.getResult(1, TimeUnit.SECONDS, BulkImportResult.class);
          break;
        } catch (TimeoutException e) {
          ImportProgress p = stub.query("progress", ImportProgress.class);
          double s = (System.nanoTime() - start) / 1e9;
          for (AccountProgress a : p.accounts()) {
            if (a.finished()) {
              doneAt.putIfAbsent(a.account(), s);
            }
          }
          System.out.printf(
              "%6.1fs %-10s confirmed %d/%d %s%n",
              s, p.phase(), p.confirmed(), p.total(), perAccount(p));
        }
      }
      long end = System.nanoTime();
      sampler.close();
      clocks.values().forEach(c -> c.sample(end));
      double wall = (end - start) / 1e9;
      for (AccountProgress a : result.status().progress().accounts()) {
        doneAt.putIfAbsent(a.account(), wall);
      }
      System.out.println("finished " + result.outcome() + " in " + String.format("%.1fs", wall));
      System.out.println(result.summary());

      // Memory: heap peak over every pool, and the process's high-water RSS.
      long poolPeak = Sampler.heapPoolsPeak();
      String vmHwm = procStatus("VmHWM");

      List<Family> brevoFamilies =
          List.of(
              new Family(
                  "contacts (POST /contacts/import)",
                  brevo.calls("POST", "/v3/contacts/import") - brevoImports0,
                  contactsMs),
              new Family("organization (GET /processes/*)", brevoOrgCalls(brevo) - brevoOrg0, orgMs));
      int brevoOther =
          clocks.get(BREVO).delta() - brevoFamilies.get(0).calls() - brevoFamilies.get(1).calls();
      Map<String, List<Family>> families = new LinkedHashMap<>();
      families.put(BREVO, brevoFamilies);
      families.put(MAILJET, List.of(new Family("api", clocks.get(MAILJET).delta(), mailjetMs)));
      families.put(LISTMONK, List.of(new Family("api", clocks.get(LISTMONK).delta(), listmonkMs)));

      Map<String, Long> confirmed = new LinkedHashMap<>();
      confirmed.put(BREVO, (long) brevo.listMemberEmails(2).size());
      confirmed.put(MAILJET, (long) mailjet.listMemberEmails(10).size());
      confirmed.put(LISTMONK, (long) listmonk.listMemberEmails(listmonkList).size());

      StringBuilder md = new StringBuilder();
      String date = LocalDate.now().toString();
      md.append("# BulkImport benchmark, ").append(date).append("\n\n");
      md.append("Command: `bench/run-import.sh")
          .append(args.length > 0 ? " " + String.join(" ", args) : "")
          .append("`\n\n");
      md.append("- Rows: ").append(rows).append(" generated, all valid (`email,first_name,last_name,attr.company`)\n");
      md.append("- Accounts: ").append(BREVO).append(" (list 2), ").append(MAILJET).append(" (list 10), ")
          .append(LISTMONK).append(" (list ").append(listmonkList).append("), one BulkImport, all accounts in parallel\n");
      md.append("- **Scale factor: ").append(fmt(scale))
          .append("** — every documented limit divided by it, each written as one request per interval ")
          .append("(no bursts) in both the worker's `rateBudgets` and the fakes:\n");
      md.append("  - Brevo contacts 10/s → 1 per ").append(contactsMs).append(" ms; ")
          .append("Brevo organization (`/processes` polls) 100/h → 1 per ").append(orgMs).append(" ms\n");
      md.append("  - Mailjet 3/s → 1 per ").append(mailjetMs).append(" ms; listmonk 20/s (Roster's default budget) → 1 per ")
          .append(listmonkMs).append(" ms\n");
      md.append("- Chunk rows 20,000 capped by each vendor: Brevo 10,000, Mailjet 5,000, listmonk 20,000; ")
          .append("poll interval ").append(mailjetMs).append(" ms (polls wait on each family's budget)\n");
      md.append("- Temporal: embedded test server, real time; fakes in the same JVM\n");
      md.append("- Outcome: **").append(result.outcome()).append("**, wall time **")
          .append(fmt(wall)).append(" s** (start to result, planning included)\n\n");
      md.append("| vendor | rows in list | API calls | calls per family | first→last call (s) | rate-limit minimum (s) | ratio achieved/minimum | account done at (s) |\n");
      md.append("|---|---:|---:|---|---:|---:|---:|---:|\n");
      Map<String, Double> ratios = new LinkedHashMap<>();
      for (var e : families.entrySet()) {
        CallClock clock = clocks.get(e.getKey());
        long minMs = e.getValue().stream().mapToLong(Family::minimumMs).max().orElse(0);
        double achieved = clock.first < 0 ? 0 : (clock.last - clock.first) / 1e9;
        double ratio = minMs == 0 ? Double.NaN : achieved / (minMs / 1000.0);
        ratios.put(e.getKey(), ratio);
        StringBuilder fam = new StringBuilder();
        for (Family f : e.getValue()) {
          fam.append(fam.length() == 0 ? "" : "; ").append(f.name()).append(": ").append(f.calls())
              .append(" × ").append(f.intervalMs()).append(" ms");
        }
        if (e.getKey().equals(BREVO) && brevoOther != 0) {
          fam.append("; other: ").append(brevoOther);
        }
        md.append("| ").append(e.getKey()).append(" | ").append(confirmed.get(e.getKey()))
            .append(" | ").append(clock.delta()).append(" | ").append(fam)
            .append(" | ").append(fmt(achieved)).append(" | ").append(fmt(minMs / 1000.0))
            .append(" | **").append(Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio))
            .append("** | ").append(fmt(doneAt.getOrDefault(e.getKey(), wall))).append(" |\n");
      }
      md.append("\nMinimum = (calls − 1) × interval on the vendor's binding family (its busiest in time); ")
          .append("achieved = the time between the vendor's first and last call, sampled every 5 ms. ")
          .append("Target ≤ 1.25.\n\n");
      md.append("Unscaled, the same calls need at least: ");
      List<String> unscaled = new ArrayList<>();
      for (var e : families.entrySet()) {
        long minMs = e.getValue().stream().mapToLong(Family::minimumMs).max().orElse(0);
        unscaled.add(e.getKey() + " " + fmt(minMs * scale / 1000.0) + " s");
      }
      md.append(String.join(", ", unscaled)).append(".\n\n");
      md.append("Memory (whole JVM: embedded Temporal, worker, fakes holding ").append(rows)
          .append(" contacts × 3):\n\n");
      md.append("- Peak heap (MemoryMXBean, sampled every 5 ms): ").append(mb(peakHeap[0]))
          .append(" MB; sum of heap pools' peaks: ").append(mb(poolPeak)).append(" MB\n");
      md.append("- Peak RSS (/proc/self/status VmHWM): ").append(vmHwm).append("\n");
      md.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ')
          .append(System.getProperty("java.version")).append(", max heap ")
          .append(mb(Runtime.getRuntime().maxMemory())).append(" MB, ")
          .append(Runtime.getRuntime().availableProcessors()).append(" CPUs\n\n");
      md.append("Result summary: ").append(result.summary().replace(work.toString(), "<tmp>")).append("\n");

      Files.createDirectories(results);
      Path file = results.resolve("import-" + date + ".md");
      Files.writeString(file, md.toString());
      System.out.println(md);
      System.out.println("wrote " + file);
      boolean allIn = confirmed.values().stream().allMatch(c -> c == rows);
      System.exit("COMPLETED".equals(result.outcome()) && allIn ? 0 : 1);
    }
  }

  /** Job polls; reports of refused rows come from Brevo's export host, outside the budget. */
  private static int brevoOrgCalls(FakeBrevo brevo) {
    return brevo.calls("GET", "/v3/processes/{processId}");
  }

  private static String perAccount(ImportProgress p) {
    StringBuilder s = new StringBuilder();
    for (AccountProgress a : p.accounts()) {
      s.append(" | ").append(a.account()).append(' ').append(a.state()).append(' ').append(a.confirmed());
    }
    return s.toString();
  }

  private static void writeCsv(Path file, int rows) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("email,first_name,last_name,attr.company\n");
      for (int i = 0; i < rows; i++) {
        out.write("person" + i + "@example.com,First" + i + ",Last" + i + ",Acme\n");
      }
    }
  }

  static String procStatus(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(key + ":")) {
          String kb = line.substring(key.length() + 1).trim().replace(" kB", "");
          return mb(Long.parseLong(kb) * 1024) + " MB";
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Not Linux.
    }
    return "n/a";
  }

  static long mb(long bytes) {
    return bytes >> 20;
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.1f", v);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
