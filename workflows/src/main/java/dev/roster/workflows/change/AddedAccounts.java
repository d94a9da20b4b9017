package dev.roster.workflows.change;

import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.steps.Step;
import dev.roster.workflows.steps.StepState;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;

/**
 * Accounts a ChangeAccess adds, added as onboarding adds them: one child OnboardUser ({@code
 * <change id>-onboard}) with the same person and requester, so the invitation, contact, lists, the
 * wait for acceptance (fed by the account's InvitationWatcher, which reads the child's OnboardUser
 * input) and a privileged role's approval are onboarding's own. The child has no ticket, as an
 * import's children have none: its last milestone would close the ticket while the change still
 * runs; the change reports the child's accounts on the ticket when it ends.
 */
final class AddedAccounts {
  private final ChangeAccessRequest request;
  private final String workflowId;
  private List<AccountReport> reports;

  AddedAccounts(ChangeAccessRequest request, String parentId) {
    this.request = request;
    this.workflowId = parentId + "-onboard";
    this.reports =
        request.addAccountsOrEmpty().stream()
            .map(a -> report(a, StepState.PENDING, "onboarding in " + workflowId))
            .toList();
  }

  List<String> accounts() {
    return request.addAccountsOrEmpty().stream().map(Assignment::account).toList();
  }

  String workflowId() {
    return workflowId;
  }

  /** While the child runs, one pending line per account; then the child's own reports. */
  List<AccountReport> reports() {
    return reports;
  }

  /** Runs the child OnboardUser to its end; never throws (its failure becomes the reports). */
  void run() {
    OnboardUserWorkflow child =
        Workflow.newChildWorkflowStub(
            OnboardUserWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.ROSTER)
                .setStaticSummary(
                    "Accounts added by access change " + Workflow.getInfo().getWorkflowId())
                .build());
    try {
      OnboardResult result =
          child.onboard(
              new OnboardRequest(
                  request.person(), request.addAccountsOrEmpty(), null, request.requestedBy()));
      reports = result.status().accounts();
    } catch (ChildWorkflowFailure e) {
      StepState state =
          e.getCause() instanceof CanceledFailure ? StepState.CANCELLED : StepState.FAILED;
      reports =
          request.addAccountsOrEmpty().stream().map(a -> report(a, state, reason(e))).toList();
    } catch (CanceledFailure e) {
      reports =
          request.addAccountsOrEmpty().stream()
              .map(a -> report(a, StepState.CANCELLED, "the request was cancelled"))
              .toList();
    }
  }

  private static String reason(ChildWorkflowFailure e) {
    return e.getCause() instanceof ApplicationFailure failure
        ? "onboarding failed: " + failure.getOriginalMessage()
        : "onboarding failed: " + e.getMessage();
  }

  private AccountReport report(Assignment a, StepState state, String detail) {
    Step step =
        new Step(
            "onboard",
            state,
            detail,
            Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString());
    return new AccountReport(a.account(), null, state, List.of(step));
  }
}
