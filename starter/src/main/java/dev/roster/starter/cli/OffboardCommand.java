package dev.roster.starter.cli;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.starter.ConfiguredAccounts;
import dev.roster.starter.OffboardStarter;
import dev.roster.starter.RequestConflict;
import dev.roster.starter.Started;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.TemporalConnection;
import dev.roster.workflows.offboard.OffboardRequest;
import dev.roster.workflows.offboard.OffboardResult;
import dev.roster.workflows.request.Person;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "offboard",
    mixinStandardHelpOptions = true,
    description = "Offboard a person: revoke access, unsubscribe, suppress, and erase if asked.",
    footer = {
      "",
      "Examples:",
      "  roster offboard bob@example.com --plan     # shows the plan, changes nothing",
      "  roster offboard bob@example.com --erase --ticket RITM0010002 --wait",
      "  roster offboard bob@example.com --account brevo-main --account mailjet-main",
      "",
      "Without --account, every configured account. Erasure is irreversible: it",
      "waits for `roster approve` by someone other than the requester; `roster",
      "cancel` withdraws it (the contacts stay intact). A second, different",
      "request for someone whose offboarding runs is refused (exit 2)."
    })
public final class OffboardCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin TemporalClientOptions temporal;

  @Parameters(index = "0", paramLabel = "EMAIL", description = "The person's email address.")
  String email;

  @Option(names = "--account", paramLabel = "ID", description = "Vendor account (repeatable).")
  List<String> accounts;

  @Option(names = "--erase", description = "Also erase their contact data (needs an approval).")
  boolean erase;

  @Option(names = "--plan", description = "Print the plan and change nothing.")
  boolean plan;

  @Option(
      names = "--ticket",
      paramLabel = "T",
      description = "Ticket number: letters, digits, _ . - (at most 64), e.g. RITM0010002.")
  String ticket;

  @Option(
      names = "--requested-by",
      paramLabel = "NAME",
      description = "Who asks (default: $USER). May not approve the erasure.")
  String requestedBy = System.getProperty("user.name");

  @Option(names = "--wait", description = "Show progress until done or waiting on a person.")
  boolean await;

  OffboardRequest request() {
    return new OffboardRequest(
        new Person(email.trim(), null, null),
        accounts == null ? List.of() : List.copyOf(accounts),
        erase,
        ticket,
        requestedBy,
        plan);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RequestOptionsCheck.requestedBy(requestedBy);
    RequestOptionsCheck.ticket(ticket);
    RosterConfig config = temporal.load();
    OffboardRequest request = request();
    SubjectHasher subjects = temporal.subjects(config);
    try (TemporalConnection connection = temporal.connect(config)) {
      OffboardStarter starter =
          new OffboardStarter(connection.client(), subjects, ConfiguredAccounts.of(config));
      Started started =
          Workflows.startChecked(starter.problems(request), () -> start(starter, request));
      String id = started.workflowId();
      if (plan) {
        // Discovery only reads the vendors; the plan is the workflow's result.
        OffboardResult result =
            Workflows.untyped(connection.client(), id).getResult(OffboardResult.class);
        out.println("Plan (nothing was changed):");
        StatusTable.print(out, id, result.status());
        return 0;
      }
      int code = Progress.report(out, connection.client(), started, await);
      if (erase) {
        String subject = subjects.subjectOf(request.person().email());
        out.println(
            SubjectRecords.line(subject, SubjectRecords.of(connection.client(), subject, id)));
      }
      return code;
    }
  }

  private static Started start(OffboardStarter starter, OffboardRequest request) {
    try {
      return starter.start(request);
    } catch (RequestConflict e) {
      throw Workflows.refused(e, "Wait for it to end, or withdraw it first");
    }
  }
}
