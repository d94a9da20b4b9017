package dev.roster.starter.cli;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.starter.ChangeStarter;
import dev.roster.starter.ConfiguredAccounts;
import dev.roster.starter.RequestConflict;
import dev.roster.starter.Started;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.TemporalConnection;
import dev.roster.workflows.change.AccessChange;
import dev.roster.workflows.change.ChangeAccessRequest;
import dev.roster.workflows.request.Person;
import dev.roster.workflows.request.Texts;
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
    name = "change",
    mixinStandardHelpOptions = true,
    description = "Change a person's access (a mover): roles and lists, and accounts removed.",
    footer = {
      "",
      "Examples:",
      "  roster change ada@example.com --account brevo-main --role admin --wait",
      "  roster change ada@example.com --account listmonk-main --role viewer \\",
      "      --list +3 --list -5 --ticket RITM0010003 --requested-by carol",
      "  roster change ada@example.com --account brevo-main --list -2 \\",
      "      --remove-account mailjet-main",
      "",
      "--role and --list apply to the --account they follow. Roles: viewer,",
      "editor, admin. --list +ID subscribes to a list, --list -ID unsubscribes.",
      "A move to a privileged role (approvals.privilegedRoles) waits for",
      "`roster approve`; a downgrade does not. Where a vendor has no team API",
      "(Mailjet) the role change is a manual task (`roster complete-task`).",
      "--remove-account removes team access, lists and mailing as offboarding",
      "does, without erasing. Accounts to add: `roster onboard` (--amend while",
      "an onboarding runs), or addAccounts in the ChangeAccess input (README)."
    })
public final class ChangeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin TemporalClientOptions temporal;

  @Parameters(index = "0", paramLabel = "EMAIL", description = "The person's email address.")
  String email;

  /** One vendor account with the role and list changes that follow it on the command line. */
  static final class AccountSpec {
    @Option(
        names = "--account",
        required = true,
        paramLabel = "ID",
        description = "Vendor account the person has; repeat for several accounts.")
    String account;

    @Option(
        names = "--role",
        paramLabel = "ROLE",
        description = "New team role on the account before it: viewer, editor or admin.")
    String role;

    @Option(
        names = "--list",
        paramLabel = "+ID|-ID",
        description = "+ID subscribes to, -ID unsubscribes from a list (repeatable).")
    List<String> lists; // no initial value: picocli would share one list across every group
  }

  @ArgGroup(exclusive = false, multiplicity = "0..*")
  List<AccountSpec> accounts;

  @Option(
      names = "--remove-account",
      paramLabel = "ID",
      description = "Remove the person from this account, never erasing (repeatable).")
  List<String> removeAccounts;

  @Option(
      names = "--ticket",
      paramLabel = "T",
      description = "Ticket number: letters, digits, _ . - (at most 64), e.g. RITM0010003.")
  String ticket;

  @Option(
      names = "--requested-by",
      paramLabel = "NAME",
      description = "Who asks (default: $USER). May not approve the request.")
  String requestedBy = System.getProperty("user.name");

  @Option(names = "--wait", description = "Show progress until done or waiting on a person.")
  boolean await;

  /** The request the parsed command line asks for; a --list without + or - is a usage error. */
  ChangeAccessRequest request() {
    List<AccessChange> changes = new ArrayList<>();
    for (AccountSpec a : accounts == null ? List.<AccountSpec>of() : accounts) {
      List<String> add = new ArrayList<>();
      List<String> remove = new ArrayList<>();
      for (String list : a.lists == null ? List.<String>of() : a.lists) {
        String id = list.trim();
        if (id.startsWith("+")) {
          add.add(id.substring(1));
        } else if (id.startsWith("-")) {
          remove.add(id.substring(1));
        } else {
          throw new UsageError(
              "--list '"
                  + Texts.clip(id, 40)
                  + "' after --account "
                  + a.account
                  + ": write +ID to subscribe or -ID to unsubscribe");
        }
      }
      changes.add(new AccessChange(a.account, a.role, add, remove));
    }
    return new ChangeAccessRequest(
        new Person(email.trim(), null, null),
        changes,
        List.of(),
        removeAccounts == null ? List.of() : List.copyOf(removeAccounts),
        ticket,
        requestedBy);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RequestOptionsCheck.requestedBy(requestedBy);
    RequestOptionsCheck.ticket(ticket);
    if (accounts != null) {
      accounts.forEach(a -> RequestOptionsCheck.role(a.role));
    }
    ChangeAccessRequest request = request();
    RosterConfig config = temporal.load();
    SubjectHasher subjects = temporal.subjects(config);
    try (TemporalConnection connection = temporal.connect(config)) {
      ChangeStarter starter =
          new ChangeStarter(connection.client(), subjects, ConfiguredAccounts.of(config));
      Started started =
          Workflows.startChecked(starter.problems(request), () -> start(starter, request));
      return Progress.report(out, connection.client(), started, await);
    }
  }

  private static Started start(ChangeStarter starter, ChangeAccessRequest request) {
    try {
      return starter.start(request);
    } catch (RequestConflict e) {
      throw Workflows.refused(e, "Wait for it to end, or withdraw it first");
    }
  }
}
