package dev.roster.workflows.onboard;

import static dev.roster.workflows.onboard.AccountOnboarding.ACCEPTANCE;
import static dev.roster.workflows.onboard.AccountOnboarding.INVITE;

import dev.roster.workflows.account.AccountInfo;
import dev.roster.workflows.steps.StepLog;
import dev.roster.workflows.steps.StepState;
import dev.roster.workflows.tasks.ManualTask;

/** No team API (e.g. Mailjet): a person invites them by hand; never skipped silently. */
final class ManualInvite {

  /** Opens the manual task and records the invite step as waiting; returns the task id. */
  static String open(
      OnboardContext context, AccountInfo info, Assignment assignment, StepLog steps) {
    String account = assignment.account();
    String taskId = account + "-invite";
    context
        .tasks()
        .open(
            taskId,
            account,
            ManualTask.inVendorUi(
                "Invite "
                    + context.person().email()
                    + " to the "
                    + info.vendor()
                    + " account "
                    + account
                    + " with role "
                    + assignment.role(),
                context.workflowId(),
                taskId),
            context.control(),
            context.ticket());
    steps.set(INVITE, StepState.WAITING, "manual task " + taskId + " is open");
    return taskId;
  }

  /** Waits for the person who invites by hand; acceptance is theirs to see. */
  static void await(OnboardContext context, AccountInfo info, String taskId, StepLog steps) {
    ManualTask done =
        context.tasks().await(taskId, context.remindEvery(), context.control(), context.ticket());
    steps.set(INVITE, StepState.DONE, "done by hand by " + done.completion());
    steps.set(
        ACCEPTANCE,
        StepState.SKIPPED,
        info.vendor() + " has no API to see acceptance; the manual task covers it");
  }

  private ManualInvite() {}
}
