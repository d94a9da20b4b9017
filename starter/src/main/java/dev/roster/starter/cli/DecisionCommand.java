package dev.roster.starter.cli;

import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.TemporalConnection;
import dev.roster.workflows.approval.ApprovalStatus;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.approval.DecisionOutcome;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code approve} and {@code reject}: the same Update call, a different name. */
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
      // An Update: the workflow checks the decision against the requester, its approval policy
      // and its state, and answers at once; a refused decision changes nothing.
      DecisionOutcome outcome;
      try {
        outcome =
            Workflows.untyped(connection.client(), id)
                .update(signal(), DecisionOutcome.class, new Decision(by, comment, "cli"));
      } catch (WorkflowUpdateException e) {
        throw new UsageError(id + " refused the decision: " + Refusals.reason(e));
      } catch (WorkflowNotFoundException e) {
        throw new UsageError(id + " has finished: nothing is waiting for a decision");
      }
      out.println(
          switch (outcome.result()) {
            case "approved" -> "Approved " + id + " as " + by + ".";
            case "rejected" -> "Rejected " + id + " as " + by + ".";
            default ->
                "Recorded the approval of " + id + " by " + by + ": " + outcome.detail() + ".";
          });
      return 0;
    }
  }
}
