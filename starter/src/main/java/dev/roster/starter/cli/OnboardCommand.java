package dev.roster.starter.cli;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.starter.ConfiguredAccounts;
import dev.roster.starter.OnboardStarter;
import dev.roster.starter.RequestConflict;
import dev.roster.starter.Started;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.TemporalConnection;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.request.Person;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "onboard",
    mixinStandardHelpOptions = true,
    description = "Start an OnboardUser workflow for one person on one or more vendor accounts.",
    footer = {
      "",
      "Examples:",
      "  roster onboard ada@example.com --account brevo-main --list 2 --wait",
      "  roster onboard grace@example.com --account brevo-main --role admin \\",
      "      --ticket RITM0010001 --requested-by carol --first-name Grace",
      "  roster onboard ada@example.com --account brevo-main --role editor --list 2 \\",
      "      --account mailjet-main --list 10 --account listmonk-main --list 3",
      "",
      "  roster onboard ada@example.com --account listmonk-main --list 3 --amend",
      "",
      "--role and --list apply to the --account they follow. Roles: viewer,",
      "editor, admin. List ids are numbers; a MailerSend account takes none",
      "(MailerSend has no lists).",
      "",
      "A privileged role (approvals.privilegedRoles) waits for `roster approve`.",
      "A second, different request for someone whose onboarding runs is refused",
      "(exit 2); --amend adds its accounts and lists to the running one instead."
    })
public final class OnboardCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin TemporalClientOptions temporal;

  @Parameters(index = "0", paramLabel = "EMAIL", description = "The person's email address.")
  String email;

  /** One vendor account with the role and lists that follow it on the command line. */
  static final class AccountSpec {
    @Option(
        names = "--account",
        required = true,
        paramLabel = "ID",
        description = "Vendor account id from the configuration; repeat for several accounts.")
    String account;

    @Option(
        names = "--role",
        paramLabel = "ROLE",
        description =
            "Team role on the account before it: viewer, editor or admin (omit: contact only).")
    String role;

    @Option(
        names = "--list",
        paramLabel = "ID",
        description = "Vendor list id on the account before it (repeatable).")
    List<String> lists; // no initial value: picocli would share one list across every group
  }

  @ArgGroup(exclusive = false, multiplicity = "1..*")
  List<AccountSpec> accounts;

  @Option(
      names = "--ticket",
      paramLabel = "T",
      description = "Ticket number: letters, digits, _ . - (at most 64), e.g. RITM0010001.")
  String ticket;

  @Option(
      names = "--requested-by",
      paramLabel = "NAME",
      description = "Who asks (default: $USER). May not approve the request.")
  String requestedBy = System.getProperty("user.name");

  @Option(names = "--first-name", paramLabel = "NAME")
  String firstName;

  @Option(names = "--last-name", paramLabel = "NAME")
  String lastName;

  @Option(names = "--wait", description = "Show progress until done or waiting on a person.")
  boolean await;

  @Option(
      names = "--amend",
      description =
          "Add these accounts and lists to the person's running onboarding (no role changes).")
  boolean amend;

  /** The request the parsed command line asks for. */
  OnboardRequest request() {
    List<Assignment> assignments = new ArrayList<>();
    for (AccountSpec spec : accounts) {
      assignments.add(
          new Assignment(
              spec.account,
              spec.role,
              spec.lists == null ? List.of() : List.copyOf(spec.lists),
              null));
    }
    return new OnboardRequest(
        new Person(email.trim(), firstName, lastName), assignments, ticket, requestedBy);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RequestOptionsCheck.requestedBy(requestedBy);
    RequestOptionsCheck.ticket(ticket);
    accounts.forEach(a -> RequestOptionsCheck.role(a.role));
    RosterConfig config = temporal.load();
    OnboardRequest request = request();
    SubjectHasher subjects = temporal.subjects(config);
    try (TemporalConnection connection = temporal.connect(config)) {
      OnboardStarter starter =
          new OnboardStarter(connection.client(), subjects, ConfiguredAccounts.of(config));
      Started started =
          Workflows.startChecked(
              starter.problems(request),
              () -> amend ? amend(starter, request) : start(starter, request));
      return Progress.report(out, connection.client(), started, await);
    }
  }

  private static Started start(OnboardStarter starter, OnboardRequest request) {
    try {
      return starter.start(request);
    } catch (RequestConflict e) {
      throw Workflows.refused(e, "Add to it with --amend, or withdraw it first");
    }
  }

  private static Started amend(OnboardStarter starter, OnboardRequest request) {
    try {
      return starter.amend(request, "cli");
    } catch (IllegalArgumentException | IllegalStateException | RequestConflict e) {
      throw new UsageError(e.getMessage());
    }
  }
}
