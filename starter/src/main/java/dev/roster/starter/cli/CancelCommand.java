package dev.roster.starter.cli;

import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.TemporalConnection;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.bulkimport.BulkImportWorkflow;
import dev.roster.workflows.offboard.OffboardUserWorkflow;
import dev.roster.workflows.request.RequestResult;
import dev.roster.workflows.request.RequestStatus;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = {
      "Withdraw a request that waits (for an approval, an acceptance, a manual task).",
      "",
      "It ends cleanly with outcome CANCELLED and its report: an onboarding stops",
      "(its pending invitations are left to expire), an offboarding does nothing",
      "irreversible (the contacts stay intact), an import that plans or waits for",
      "its approval sends nothing. Anyone may withdraw, the requester included."
    },
    footer = {
      "",
      "Examples:",
      "  roster cancel onboard-RITM0010001 --by carol --reason 'wrong account'",
      "  roster cancel offboard-RITM0010002 --by carol --reason 'wrong person'",
      "  roster cancel ada@example.com --by carol --reason 'no longer needed'"
    })
public final class CancelCommand implements Callable<Integer> {
  static final long WAIT_SECONDS = 60;

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin TemporalClientOptions temporal;

  @Parameters(index = "0", paramLabel = "WORKFLOW_ID|EMAIL")
  String target;

  @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who withdraws.")
  String by;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
  String reason;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RequestOptionsCheck.name("--by", by);
    if (reason.isBlank()) {
      throw new UsageError("--reason: say why (it may not be empty)");
    }
    RosterConfig config = temporal.load();
    try (TemporalConnection connection = temporal.connect(config)) {
      List<String> ids =
          Workflows.resolveIds(connection.client(), target, () -> temporal.subjects(config));
      String id = ids.stream().filter(i -> running(connection, i)).findFirst().orElse(ids.get(0));
      WorkflowStub stub = Workflows.untyped(connection.client(), id);
      WorkflowExecutionDescription description = stub.describe();
      if (description.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        throw new UsageError(
            id + " has ended already (" + ended(description) + "): nothing to cancel");
      }
      String type = description.getWorkflowType();
      RequestStatus status = Workflows.status(connection.client(), id);
      tooLate(id, type, status.phase());
      stub.signal("withdraw", new Decision(by, reason, "cli"));
      out.println("Withdrawal of " + id + " sent as " + by + ".");
      out.flush();
      RequestResult result;
      try {
        result = stub.getResult(WAIT_SECONDS, TimeUnit.SECONDS, Workflows.resultType(id, type));
      } catch (TimeoutException e) {
        out.println(id + " has not ended yet; follow it with: roster status " + id);
        return 1;
      }
      StatusTable.print(out, id, result.status());
      out.println("Finished: " + result.outcome() + " (" + result.summary() + ")");
      return "CANCELLED".equals(result.outcome()) ? 0 : 1;
    }
  }

  private static boolean running(TemporalConnection connection, String id) {
    return Workflows.untyped(connection.client(), id).describe().getStatus()
        == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  /** Refuses what the workflow would ignore: a withdrawal after the irreversible part began. */
  private static void tooLate(String id, String type, String phase) {
    if (OffboardUserWorkflow.TYPE.equals(type) && "erasing".equals(phase)) {
      throw new UsageError(id + " is erasing already; an erasure cannot be withdrawn");
    }
    if (BulkImportWorkflow.TYPE.equals(type)
        && !"planning".equals(phase)
        && !"approval".equals(phase)) {
      throw new UsageError(
          id
              + " is "
              + phase
              + "; an import can be withdrawn only while it plans or waits for its approval (what"
              + " was sent stays)");
    }
    if ("done".equals(phase)) {
      throw new UsageError(id + " is finishing; nothing to cancel");
    }
  }

  private static String ended(WorkflowExecutionDescription description) {
    return description.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "");
  }
}
