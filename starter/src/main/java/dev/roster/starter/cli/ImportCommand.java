package dev.roster.starter.cli;

import dev.roster.activities.bulkimport.AllowedRoots;
import dev.roster.activities.bulkimport.ImportFailed;
import dev.roster.starter.ConfiguredAccounts;
import dev.roster.starter.ImportStarter;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.TemporalConnection;
import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.bulkimport.ImportSettings;
import dev.roster.workflows.bulkimport.ImportTarget;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
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
      "Start a BulkImport: contacts from a CSV file, https URL or ServiceNow",
      "attachment into one or more vendor accounts. The CSV (UTF-8) has a header",
      "row (email, first_name, last_name, lists, role, attr.*); bad rows are",
      "reported with their line numbers and never sent. Rows with a role",
      "(viewer, editor, admin) are also invited to the accounts' teams, each as a",
      "child onboarding."
    },
    footer = {
      "",
      "Examples:",
      "  roster import contacts.csv --account brevo-main --list 2 --dry-run",
      "  roster import contacts.csv --account brevo-main --list 2 \\",
      "      --account mailjet-main --list 10 --account listmonk-main --list 3 --wait",
      "  roster import https://files.example.com/q3.csv \\",
      "      --account mailjet-main --list 10 --ticket RITM0010042 \\",
      "      --requested-by carol --approval-threshold 5000",
      "",
      "--list applies to the --account it follows: a number for Brevo, Mailjet",
      "and listmonk; MailerSend keeps no lists (its rows with a role are invited",
      "to the team).",
      "",
      "A local file must lie under imports.allowedRoots (for dev and for this",
      "command's own check, by default the working directory); links and .. are",
      "resolved first, and the worker checks again. The failure report (every row",
      "not imported, with its reason) and the plan go to the worker's",
      "imports.store, never beside the source: a dry run writes nothing else.",
      "",
      "The workflow id is import-<ticket>, or import-<hash of source and",
      "accounts> without one (the same command again attaches to the running",
      "import). Above --approval-threshold valid rows (default "
          + ImportSettings.DEFAULT_APPROVAL_ABOVE
          + "), or when a",
      "row asks for team access, the import waits for",
      "`roster approve <id> --by NAME`. Follow it with `roster status <id>`."
    })
public final class ImportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin TemporalClientOptions temporal;

  @Parameters(
      index = "0",
      paramLabel = "SOURCE",
      description =
          "CSV file path (under imports.allowedRoots; read by the worker; made absolute),"
              + " https URL, or servicenow:<table>/<record sys_id>/<attachment sys_id>.")
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

  @Option(
      names = "--delete-files-when-done",
      description =
          "Delete the import's plan and failure report from the import store when it ends"
              + " (imports.deleteFilesWhenDone does it for every import).")
  boolean deleteFilesWhenDone;

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
            0,
            deleteFilesWhenDone);
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
    RosterConfig config = temporal.load();
    if (!config.imports().enabled()) {
      throw new UsageError("imports are disabled in this configuration (imports.enabled: false)");
    }
    if (ImportStarter.isFile(request.source())) {
      checkFile(Path.of(request.source()), config);
    }
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
      return ImportFollow.follow(out, connection.client(), id, Duration.ofSeconds(1));
    }
  }

  /**
   * Refuses a file the worker would refuse, before anything starts: outside the allowed roots (the
   * configured ones, else the working directory, as in dev), a directory, missing or unreadable.
   */
  private static void checkFile(Path file, RosterConfig config) {
    List<Path> roots = config.imports().allowedRoots();
    AllowedRoots allowed =
        new AllowedRoots(roots.isEmpty() ? List.of(Path.of("").toAbsolutePath()) : roots);
    try {
      allowed.check(file);
    } catch (ImportFailed e) {
      throw new UsageError(
          e.reason() + (roots.isEmpty() ? " (not configured: the working directory)" : ""));
    }
    if (Files.isDirectory(file)) {
      throw new UsageError(file + " is a directory; give the CSV file in it");
    }
    if (!Files.exists(file)) {
      throw new UsageError("no such file: " + file);
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new UsageError("cannot read " + file);
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
      spec.commandLine()
          .getErr()
          .println("roster: import " + id + " failed: " + ImportFollow.reason(e));
      return null;
    } catch (TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }
}
