package dev.roster.starter.cli;

import dev.roster.starter.Started;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.request.RequestResult;
import dev.roster.workflows.request.RequestStatus;
import dev.roster.workflows.steps.Step;
import dev.roster.workflows.steps.StepState;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Follows an OnboardUser until it ends or waits on a person, printing each step as it changes. The
 * wait between two looks is Temporal's own long poll on the result, not a sleep.
 */
final class Progress {

  /** How following ended. */
  enum End {
    FINISHED,
    WAITING_ON_PERSON
  }

  private final Map<String, String> printed = new HashMap<>();
  private final PrintWriter out;
  private RequestResult result;

  Progress(PrintWriter out) {
    this.out = out;
  }

  End follow(WorkflowClient client, String workflowId) {
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
    Class<? extends RequestResult> type =
        Workflows.resultType(workflowId, stub.describe().getWorkflowType());
    while (true) {
      try {
        result = stub.getResult(1, TimeUnit.SECONDS, type);
        printChanges(result.status());
        return End.FINISHED;
      } catch (TimeoutException e) {
        RequestStatus status = Workflows.status(client, workflowId);
        printChanges(status);
        if (waitingOnPerson(status)) {
          return End.WAITING_ON_PERSON;
        }
      }
    }
  }

  RequestResult result() {
    return result;
  }

  private void printChanges(RequestStatus status) {
    for (AccountReport account : status.accounts()) {
      for (Step step : account.steps()) {
        String key = account.account() + "/" + step.name();
        String line = step.state() + " " + (step.detail() == null ? "" : step.detail());
        if (!line.equals(printed.put(key, line)) && step.state() != StepState.PENDING) {
          out.printf(
              "  %-16s %-11s %-9s %s%n",
              account.account(),
              step.name(),
              step.state(),
              step.detail() == null ? "" : step.detail());
        }
      }
    }
    out.flush();
  }

  /**
   * After a start: tells how to follow the request, or (with {@code await}) follows it until it
   * ends or waits on a person. Returns the command's exit code.
   */
  static int report(PrintWriter out, WorkflowClient client, Started started, boolean await) {
    String id = started.workflowId();
    out.println(
        switch (started.how()) {
          case STARTED -> "Started " + id;
          case ATTACHED -> id + " already runs this same request; nothing new was started.";
          case ALREADY_RAN ->
              id + " already ran (a ticket's request runs once); nothing was started.";
          case AMENDED -> "Amended " + id + ": added " + started.detail() + ".";
          case SUBMITTED -> "Submitted " + id;
        });
    out.flush();
    if (!await) {
      out.println("Follow it with: roster status " + id);
      return 0;
    }
    Progress progress = new Progress(out);
    if (progress.follow(client, id) == End.WAITING_ON_PERSON) {
      out.println(nextStep(id, Workflows.status(client, id)));
      return 0;
    }
    RequestResult result = progress.result();
    out.println("Finished: " + result.outcome() + " (" + result.summary() + ")");
    return "COMPLETED".equals(result.outcome()) ? 0 : 1;
  }

  /** What the person should do next, in one or two lines. */
  static String nextStep(String workflowId, RequestStatus status) {
    if (status.approval() != null && "waiting".equals(status.approval().state())) {
      return "Waiting for an approval ("
          + status.approval().what()
          + "). Someone other than "
          + status.requestedBy()
          + " runs:\n  roster approve "
          + workflowId
          + " --by NAME   (or roster reject ...)";
    }
    if (status.manualTasks() != null) {
      for (var task : status.manualTasks()) {
        if (task.open()) {
          return "Waiting for a manual task: "
              + task.instructions()
              + "\n  roster complete-task "
              + workflowId
              + " "
              + task.taskId()
              + " --by NAME";
        }
      }
    }
    return "Waiting for the invitation to be accepted. Check with: roster status " + workflowId;
  }

  /** True when nothing can move without a person: an approval, or invitations to accept. */
  static boolean waitingOnPerson(RequestStatus status) {
    if (status.approval() != null && "waiting".equals(status.approval().state())) {
      return true;
    }
    boolean anyRunning = false;
    boolean anyWaiting = false;
    for (AccountReport account : status.accounts()) {
      for (Step step : account.steps()) {
        anyRunning |= step.state() == StepState.RUNNING;
        anyWaiting |= step.state() == StepState.WAITING;
      }
    }
    return anyWaiting && !anyRunning;
  }
}
