package dev.roster.starter.cli;

import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.TemporalConnection;
import dev.roster.workflows.approval.ApprovalStatus;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.request.RequestStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code approve} and {@code reject}: the same checks, a different signal. */
abstract class DecisionCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin TemporalClientOptions temporal;

  @Parameters(index = "0", paramLabel = "WORKFLOW_ID|EMAIL")
  String target;

  @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who decides.")
  String by;

  @Option(names = "--comment", paramLabel = "TEXT", description = "Why.")
  String comment;

  abstract String signal();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RosterConfig config = temporal.load();
    try (TemporalConnection connection = temporal.connect(config)) {
      List<String> ids =
          Workflows.resolveIds(connection.client(), target, () -> temporal.subjects(config));
      // For an email, the one of the person's requests that waits for an approval.
      String id = ids.get(0);
      for (String candidate : ids) {
        ApprovalStatus a = Workflows.status(connection.client(), candidate).approval();
        if (a != null && "waiting".equals(a.state())) {
          id = candidate;
          break;
        }
      }
      RequestStatus status = Workflows.status(connection.client(), id);
      ApprovalStatus approval = status.approval();
      if (approval == null || !"waiting".equals(approval.state())) {
        throw new UsageError(
            id + " is not waiting for an approval (approval: " + approvalState(approval) + ")");
      }
      if (status.requestedBy() != null
          && status
              .requestedBy()
              .trim()
              .toLowerCase(Locale.ROOT)
              .equals(by.trim().toLowerCase(Locale.ROOT))) {
        throw new UsageError(
            by + " requested " + id + " and so cannot " + signal() + " it (separation of duties)");
      }
      Workflows.untyped(connection.client(), id).signal(signal(), new Decision(by, comment, "cli"));
      out.println(
          (signal().equals("approve") ? "Approved " : "Rejected ") + id + " as " + by + ".");
      return 0;
    }
  }

  private static String approvalState(ApprovalStatus approval) {
    return approval == null ? "none" : approval.state();
  }
}
