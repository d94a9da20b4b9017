package dev.roster.workflows.change;

import dev.roster.workflows.account.AccountInfo;
import dev.roster.workflows.account.Capabilities.TeamInvite;
import dev.roster.workflows.contacts.ContactActivities;
import dev.roster.workflows.conventions.RosterActivityOptions;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.steps.ApprovalStep;
import dev.roster.workflows.steps.StepFailed;
import dev.roster.workflows.steps.StepLog;
import dev.roster.workflows.steps.StepState;
import dev.roster.workflows.tasks.ManualTask;
import dev.roster.workflows.team.RoleChange;
import dev.roster.workflows.team.TeamActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * The change on one account the person already has, in its own workflow thread: the approval when
 * the new role is privileged, the role (by API, or a manual task where the vendor has no team API),
 * then lists added and removed. A vendor failure ends this account's work; never the workflow.
 */
final class AccountChange {
  static final String APPROVAL = "approval";
  static final String ROLE = "role";
  static final String ADD_LISTS = "lists";
  static final String REMOVE_LISTS = "unlist";

  private final AccessChange change;
  private final boolean privileged;
  private final StepLog steps = new StepLog();
  private AccountInfo info;
  private StepState outcome = StepState.PENDING;

  AccountChange(AccessChange change, boolean privileged) {
    this.change = change;
    this.privileged = privileged;
    if (privileged) {
      steps.plan(APPROVAL);
    }
    if (change.role() != null) {
      steps.plan(ROLE);
    }
    if (!change.addListsOrEmpty().isEmpty()) {
      steps.plan(ADD_LISTS);
    }
    if (!change.removeListsOrEmpty().isEmpty()) {
      steps.plan(REMOVE_LISTS);
    }
  }

  String account() {
    return change.account();
  }

  StepState outcome() {
    return outcome;
  }

  AccountReport report() {
    return new AccountReport(
        account(), info == null ? null : info.vendor(), outcome, steps.snapshot());
  }

  /** Runs every step; never throws for a vendor failure (the account records it). */
  void run(ChangeContext context) {
    try {
      info = context.control().describeAccount(account());
      if (privileged) {
        steps.set(APPROVAL, StepState.WAITING, "role " + change.role() + " needs an approval");
        StepState refused = ApprovalStep.record(steps, APPROVAL, context.approval().get());
        if (refused != null) {
          outcome = refused;
          return;
        }
      }
      if (change.role() != null) {
        changeRole(context);
      }
      String email = context.person().email();
      if (!change.addListsOrEmpty().isEmpty()) {
        steps.run(
            ADD_LISTS,
            () -> {
              contacts().subscribe(account(), email, change.addListsOrEmpty());
              return "subscribed to " + String.join(", ", change.addListsOrEmpty());
            });
      }
      if (!change.removeListsOrEmpty().isEmpty()) {
        steps.run(
            REMOVE_LISTS,
            () -> {
              List<String> asked = change.removeListsOrEmpty();
              int left = contacts().unsubscribe(account(), email, asked);
              String lists = String.join(", ", asked);
              return left == asked.size()
                  ? "unsubscribed from " + lists
                  : "unsubscribed from " + left + " of lists " + lists + " (not on the others)";
            });
      }
      outcome = StepState.DONE;
    } catch (StepFailed | CanceledFailure | ActivityFailure e) {
      // An ActivityFailure here is describeAccount's: the account is unknown or Roster's own
      // worker failed.
      outcome = steps.stopped(e);
    }
  }

  private void changeRole(ChangeContext context) {
    if (info.capabilities().teamInvite() == TeamInvite.MANUAL) {
      changeRoleByHand(context);
      return;
    }
    TeamActivities team =
        Workflow.newActivityStub(
            TeamActivities.class,
            RosterActivityOptions.vendorCall(info.teamTaskQueue(), "team: " + account()));
    RoleChange[] done = new RoleChange[1];
    steps.run(
        ROLE,
        () -> {
          done[0] = team.changeRole(account(), context.person().email(), change.role());
          return switch (done[0]) {
            case CHANGED -> "now " + change.role() + " (read back)";
            case REINVITED -> "pending invitation issued again as " + change.role();
            case ABSENT -> "not a member";
          };
        });
    if (done[0] == RoleChange.ABSENT) {
      steps.set(
          ROLE,
          StepState.FAILED,
          "neither a member nor invited on " + account() + ": add the account instead");
      throw new StepFailed(ROLE);
    }
  }

  /** No team API (the capabilities say MANUAL): a person changes the role and confirms it. */
  private void changeRoleByHand(ChangeContext context) {
    String taskId = account() + "-role";
    context
        .tasks()
        .open(
            taskId,
            account(),
            ManualTask.inVendorUi(
                "Change the team role of "
                    + context.person().email()
                    + " on the "
                    + info.vendor()
                    + " account "
                    + account()
                    + " to "
                    + change.role(),
                context.workflowId(),
                taskId),
            context.control(),
            context.ticket());
    steps.set(ROLE, StepState.WAITING, "manual task " + taskId + " is open");
    ManualTask done =
        context.tasks().await(taskId, context.remindEvery(), context.control(), context.ticket());
    steps.set(ROLE, StepState.DONE, "changed by hand by " + done.completion());
  }

  private ContactActivities contacts() {
    return Workflow.newActivityStub(
        ContactActivities.class,
        RosterActivityOptions.vendorCall(info.contactsTaskQueue(), "contacts: " + account()));
  }
}
