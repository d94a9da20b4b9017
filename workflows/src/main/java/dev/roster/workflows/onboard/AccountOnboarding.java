package dev.roster.workflows.onboard;

import dev.roster.workflows.account.AccountInfo;
import dev.roster.workflows.account.Capabilities.TeamInvite;
import dev.roster.workflows.approval.ApprovalGate;
import dev.roster.workflows.control.ControlActivities;
import dev.roster.workflows.conventions.RosterActivityOptions;
import dev.roster.workflows.request.Person;
import dev.roster.workflows.steps.ApprovalStep;
import dev.roster.workflows.steps.StepFailed;
import dev.roster.workflows.steps.StepLog;
import dev.roster.workflows.steps.StepState;
import dev.roster.workflows.team.InviteOutcome;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.team.TeamActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * The work on one vendor account, run in its own workflow thread so that one account waiting or
 * failing never holds up the others. A vendor failure ends this account's work (recorded with the
 * vendor's reason); it never fails the workflow.
 */
final class AccountOnboarding {
  static final String APPROVAL = "approval";
  static final String INVITE = "invite";
  static final String CONTACT = "contact";
  static final String LISTS = "lists";
  static final String ACCEPTANCE = "acceptance";

  /** Version of the redo of a write the vendor lost (a contact, an invitation). */
  static final String REWRITE = "rewrite-lost-writes";

  private final Assignment assignment;
  private final boolean privileged;
  private final StepLog steps = new StepLog();
  private AccountInfo info;
  private StepState outcome = StepState.PENDING;
  private MemberStatus invitation;
  private ContactSteps contacts;
  private int amendments;
  private boolean amendmentFailed;

  AccountOnboarding(Assignment assignment, boolean privileged) {
    this.assignment = assignment;
    this.privileged = privileged;
    if (privileged) {
      steps.plan(APPROVAL);
    }
    if (assignment.role() != null) {
      steps.plan(INVITE);
    }
    steps.plan(CONTACT);
    if (!assignment.listsOrEmpty().isEmpty()) {
      steps.plan(LISTS);
    }
    if (assignment.role() != null) {
      steps.plan(ACCEPTANCE);
    }
  }

  String account() {
    return assignment.account();
  }

  /** Called by the watcher's signal. */
  void invitationChanged(MemberStatus status) {
    invitation = status;
  }

  AccountReport report() {
    return new AccountReport(
        assignment.account(), info == null ? null : info.vendor(), outcome, steps.snapshot());
  }

  /** How the account ended; an added list that failed makes an otherwise done account FAILED. */
  StepState outcome() {
    return amendmentFailed && outcome == StepState.DONE ? StepState.FAILED : outcome;
  }

  /** Whether the invitation asked for is out, failed or will not run (true without a role). */
  boolean inviteSettled() {
    StepState invite = steps.stateOf(INVITE);
    return invite == null
        || outcome != StepState.PENDING
        || (invite != StepState.PENDING && invite != StepState.RUNNING);
  }

  /** Whether the invitation went out (or its manual task is open). */
  boolean invited() {
    StepState invite = steps.stateOf(INVITE);
    return invite == StepState.DONE || invite == StepState.WAITING;
  }

  boolean asksInvite() {
    return steps.stateOf(INVITE) != null;
  }

  /** Runs every step; never throws for a vendor failure (the account records it). */
  void run(OnboardContext context) {
    Person person = context.person();
    ControlActivities control = context.control();
    try {
      info = control.describeAccount(assignment.account());
      if (privileged && !awaitApproval(context.approval())) {
        return;
      }
      TeamActivities team =
          Workflow.newActivityStub(
              TeamActivities.class,
              RosterActivityOptions.vendorCall(info.teamTaskQueue(), "team: " + account()));
      contacts = new ContactSteps(assignment, info, steps);
      InviteOutcome invited = null;
      String manualTask = null;
      if (assignment.role() != null) {
        if (info.capabilities().teamInvite() == TeamInvite.MANUAL) {
          manualTask = ManualInvite.open(context, info, assignment, steps);
        } else {
          invited = invite(team, person);
        }
      }
      contacts.upsertContact(person);
      contacts.subscribe(person);
      if (manualTask != null) {
        ManualInvite.await(context, info, manualTask, steps);
      } else if (invited == InviteOutcome.INVITED || invited == InviteOutcome.ALREADY_PENDING) {
        outcome =
            new InvitationWait(
                    account(),
                    context.ticket(),
                    context.milestones(),
                    info,
                    team,
                    control,
                    steps,
                    assignment.role(),
                    () -> invitation,
                    () -> invitation = null)
                .await(person.email(), context.workflowId());
        return;
      }
      outcome = StepState.DONE;
    } catch (StepFailed | CanceledFailure | ActivityFailure e) {
      // An ActivityFailure here is describeAccount's: the account is unknown or Roster's own
      // worker failed.
      outcome = steps.stopped(e);
    }
  }

  /**
   * Subscribes to lists an amendment added, once the contact exists: in its own workflow thread,
   * beside whatever this account is doing or waiting for. Recorded as its own step.
   */
  void addLists(OnboardContext context, List<String> lists, String by) {
    String step = LISTS + "+" + ++amendments;
    steps.set(step, StepState.PENDING, "lists " + String.join(", ", lists) + " added by " + by);
    try {
      Workflow.await(this::contactSettled);
      if (info != null && !info.capabilities().lists()) {
        steps.set(step, StepState.FAILED, info.vendor() + " has no lists to subscribe to");
        amendmentFailed = true;
        return;
      }
      if (steps.stateOf(CONTACT) != StepState.DONE) {
        steps.set(step, StepState.SKIPPED, "not run: the contact step did not succeed");
        return;
      }
      steps.run(
          step,
          () -> contacts.subscribeRewriting(context.person(), lists, " (added by " + by + ")"));
    } catch (StepFailed e) {
      amendmentFailed = true;
    } catch (CanceledFailure e) {
      steps.set(step, StepState.CANCELLED, "not run: the request was cancelled");
    }
  }

  /** The contact step has run (or will not run); the account's work may still go on. */
  private boolean contactSettled() {
    StepState contact = steps.stateOf(CONTACT);
    return outcome != StepState.PENDING
        || (contact != StepState.PENDING && contact != StepState.RUNNING);
  }

  private boolean awaitApproval(Promise<ApprovalGate.Result> approval) {
    steps.set(APPROVAL, StepState.WAITING, "role " + assignment.role() + " needs an approval");
    StepState refused = ApprovalStep.record(steps, APPROVAL, approval.get());
    if (refused != null) {
      outcome = refused;
      return false;
    }
    return true;
  }

  private InviteOutcome invite(TeamActivities team, Person person) {
    InviteOutcome[] out = new InviteOutcome[1];
    steps.run(
        INVITE,
        () -> {
          out[0] = team.invite(account(), person.email(), assignment.role());
          return out[0].name().toLowerCase().replace('_', ' ');
        });
    if (out[0] == InviteOutcome.ALREADY_ACTIVE) {
      steps.set(ACCEPTANCE, StepState.DONE, "already an active member");
    } else if (out[0] == InviteOutcome.ACTIVE) {
      steps.set(ACCEPTANCE, StepState.DONE, "active at once (" + info.vendor() + ")");
    }
    return out[0];
  }
}
