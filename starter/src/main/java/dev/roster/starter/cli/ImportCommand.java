package dev.roster.starter.cli;

import dev.roster.starter.ConfiguredAccounts;
import dev.roster.starter.ImportStarter;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.TemporalConnection;
import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.bulkimport.BulkImportStatus;
import dev.roster.workflows.bulkimport.ImportProgress;
import dev.roster.workflows.bulkimport.ImportSettings;
import dev.roster.workflows.bulkimport.ImportTarget;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Start a BulkImport: contacts from a CSV file or https URL into one or more vendor accounts.",
      "The CSV has a header row (email, first_name, last_name, lists, role, attr.*); bad rows",
      "are reported with their line numbers and never sent. Rows with a role (viewer, editor,",
      "admin) are also invited to the accounts' teams, each as a child onboarding."
    },
    footer = {
      "",
      "Examples:",
      "  roster import contacts.csv --account brevo-main --list 2 --dry-run",
      "  roster import contacts.csv --account brevo-main --list 2 \\",
      "      --account mailjet-main --list 10 --account listmonk-main --list 3 --wait",
      "  roster import https://files.example.com/q3.csv --account mailjet-main --list 10 \\",
      "      --ticket RITM0010042 --requested-by carol --approval-threshold 5000",
      "",
      "--list applies to the --account it follows.",
      "",
      "The workflow id is import-<ticket>, or import-<hash of source and accounts> without one",
      "(the same command again attaches to the running import). Above --approval-threshold",
      "valid rows (default "
          + ImportSettings.DEFAULT_APPROVAL_ABOVE
          + "), or when a row asks for team access, the import waits",
      "for `roster approve <id> --by NAME`. Follow a running import with `roster status <id>`."
    })
public final class ImportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin TemporalClientOptions temporal;

  @Parameters(
      index = "0",
      paramLabel = "SOURCE",
      description = "CSV file path (read by the worker; made absolute) or https URL.")
  String source;

  /** One vendor account with the lists that follow it on the command line. */
  static final class AccountSpec {
    @Option(
        names = "--account",
        required = true,
        paramLabel = "ID",
        description = "Vendor account id from the configuration; repeat for several accounts.")
    String account;

    @Option(
        names = "--list",
        paramLabel = "ID",
        description = "Vendor list id on the account before it (repeatable).")
    List<String> lists; // no initial value: picocli would share one list across every group
  }

  @ArgGroup(exclusive = false, multiplicity = "1..*")
  List<AccountSpec> accounts;

  @Option(
      names = "--dry-run",
      description = "Validate and print the report (counts, first problems); change nothing.")
  boolean dryRun;

  @Option(names = "--wait", description = "Show a progress bar until done or waiting on a person.")
  boolean await;

  @Option(names = "--ticket", paramLabel = "T", description = "ServiceNow ticket number.")
  String ticket;

  @Option(
      names = "--requested-by",
      paramLabel = "NAME",
      description = "Who asks (default: $USER). May not approve the import.")
  String requestedBy = System.getProperty("user.name");

  @Option(
      names = "--approval-threshold",
      paramLabel = "N",
      description = "More valid rows than N need an approval (default: 1000).")
  Long approvalThreshold;

  @Option(
      names = "--invites-in-flight",
      paramLabel = "N",
      description =
          "Rows with a role are invited through child onboardings, at most N at a time whose"
              + " invitations are not out yet (default: 20).")
  Integer invitesInFlight;

  /** The request the parsed command line asks for (the source made absolute). */
  public BulkImportRequest request() {
    List<ImportTarget> targets = new ArrayList<>();
    for (AccountSpec a : accounts) {
      targets.add(new ImportTarget(a.account, a.lists == null ? List.of() : List.copyOf(a.lists)));
    }
    ImportSettings settings =
        new ImportSettings(
            dryRun,
            approvalThreshold == null ? 0 : approvalThreshold,
            0,
            null,
            invitesInFlight == null ? 0 : invitesInFlight,
            null,
            0);
    return new BulkImportRequest(
        ImportStarter.normalizeSource(source), targets, settings, requestedBy, ticket, null);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (approvalThreshold != null && approvalThreshold < 1) {
      throw new UsageError(
          "--approval-threshold must be 1 or more (got " + approvalThreshold + ")");
    }
    if (invitesInFlight != null && (invitesInFlight < 1 || invitesInFlight > 500)) {
      throw new UsageError(
          "--invites-in-flight must be between 1 and 500 (got " + invitesInFlight + ")");
    }
    BulkImportRequest request = request();
    if (ImportStarter.isFile(request.source())) {
      Path file = Path.of(request.source());
      if (!Files.isRegularFile(file)) {
        throw new UsageError("no such file: " + file);
      }
      if (!Files.isReadable(file)) {
        throw new UsageError("cannot read " + file);
      }
    }
    RosterConfig config = temporal.load();
    try (TemporalConnection connection = temporal.connect(config)) {
      ImportStarter starter = new ImportStarter(connection.client(), ConfiguredAccounts.of(config));
      String id = Workflows.startChecked(starter.problems(request), () -> starter.start(request));
      if (dryRun) {
        return dryRun(out, connection.client(), id);
      }
      out.println("Started " + id);
      out.flush();
      if (!await) {
        out.println("Follow it with: roster status " + id + "   (or roster import ... --wait)");
        return 0;
      }
      return follow(out, connection.client(), id, Duration.ofSeconds(1));
    }
  }

  private int dryRun(PrintWriter out, WorkflowClient client, String id) {
    out.println("Dry run " + id + " (nothing is sent)");
    out.flush();
    BulkImportResult result = result(client, id, 0);
    if (result == null) {
      return 1;
    }
    out.println(result.report() == null ? result.summary() : result.report().stripTrailing());
    out.println("Summary: " + result.summary());
    if (result.failureReport() != null) {
      out.println("Rows not imported, with reasons: " + result.failureReport());
    }
    return 0;
  }

  /** The result, waiting up to {@code seconds} (0: as long as it takes); null after an error. */
  private BulkImportResult result(WorkflowClient client, String id, long seconds) {
    try {
      WorkflowStub stub = client.newUntypedWorkflowStub(id);
      return seconds <= 0
          ? stub.getResult(BulkImportResult.class)
          : stub.getResult(seconds, TimeUnit.SECONDS, BulkImportResult.class);
    } catch (WorkflowFailedException e) {
      spec.commandLine().getErr().println("roster: import " + id + " failed: " + reason(e));
      return null;
    } catch (TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String reason(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
      if (t instanceof ApplicationFailure af) {
        return af.getOriginalMessage();
      }
    }
    return t.getMessage();
  }

  /**
   * Shows the progress bar until the import ends or waits for an approval; the wait between two
   * looks is Temporal's long poll on the result. Returns the exit code.
   */
  static int follow(PrintWriter out, WorkflowClient client, String id, Duration every) {
    WorkflowStub stub = client.newUntypedWorkflowStub(id);
    boolean terminal = System.console() != null;
    String shown = null;
    while (true) {
      BulkImportResult result;
      try {
        result = stub.getResult(every.toMillis(), TimeUnit.MILLISECONDS, BulkImportResult.class);
      } catch (TimeoutException e) {
        ImportProgress progress = stub.query("progress", ImportProgress.class);
        if ("approval".equals(progress.phase())) {
          if (terminal && shown != null) {
            out.println();
          }
          BulkImportStatus status = stub.query("status", BulkImportStatus.class);
          out.println(Progress.nextStep(id, status));
          out.flush();
          return 0;
        }
        String line = ImportProgressLine.of(progress);
        if (terminal) {
          out.print("\r" + line + "   ");
        } else if (!line.equals(shown)) {
          out.println(line);
        }
        out.flush();
        shown = line;
        continue;
      } catch (WorkflowFailedException e) {
        if (terminal && shown != null) {
          out.println();
        }
        out.println("Failed: " + reason(e));
        out.flush();
        return 1;
      }
      if (terminal && shown != null) {
        out.print("\r" + ImportProgressLine.of(result.status().progress()) + "   ");
        out.println();
      } else {
        out.println(ImportProgressLine.of(result.status().progress()));
      }
      out.println("Finished: " + result.outcome() + " (" + result.summary() + ")");
      out.flush();
      return "COMPLETED".equals(result.outcome()) || "DRY_RUN".equals(result.outcome()) ? 0 : 1;
    }
  }
}
