package dev.roster.workflows.offboard;

import dev.roster.workflows.account.AccountInfo;
import dev.roster.workflows.account.Capabilities;
import dev.roster.workflows.account.Capabilities.TeamInvite;
import dev.roster.workflows.contacts.ContactActivities;
import dev.roster.workflows.contacts.ContactFootprint;
import dev.roster.workflows.contacts.EraseOutcome;
import dev.roster.workflows.conventions.RosterActivityOptions;
import dev.roster.workflows.failure.ActivityFailures;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.steps.StepFailed;
import dev.roster.workflows.steps.StepLog;
import dev.roster.workflows.steps.StepState;
import dev.roster.workflows.tasks.ManualTask;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.team.TeamActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.util.function.Supplier;

/**
 * Offboarding on one vendor account, run in its own workflow thread. A vendor failure ends this
 * account's work with the vendor's reason; it never fails the workflow or the other accounts.
 * ChangeAccess reuses discover, revoke and the manual check to remove accounts (never erase).
 */
public final class AccountOffboarding {
  static final String DISCOVER = "discover";
  static final String REVOKE = "revoke";
  static final String UNSUBSCRIBE = "unsubscribe";
  static final String SUPPRESS = "suppress";
  static final String ERASE = "erase";

  /** Version of removing a member who accepted the invitation while it was being cancelled. */
  static final String REVOKE_ACCEPTED = "revoke-accepted-meanwhile";

  private final String account;
  private final StepLog steps = new StepLog();
  private AccountInfo info;
  private AccountPlan plan;
  private TeamActivities team;
  private ContactActivities contacts;
  private StepState outcome = StepState.PENDING;
  private boolean undeletable;
  private String manualTaskId;

  public AccountOffboarding(String account) {
    this.account = account;
    steps.plan(DISCOVER);
  }

  /** Reads what the account holds about the person and plans; changes nothing. */
  public void discover(OffboardContext context) {
    try {
      info = context.control().describeAccount(account);
      team =
          Workflow.newActivityStub(
              TeamActivities.class,
              RosterActivityOptions.vendorCall(info.teamTaskQueue(), "team: " + account));
      contacts =
          Workflow.newActivityStub(
              ContactActivities.class,
              RosterActivityOptions.vendorCall(info.contactsTaskQueue(), "contacts: " + account));
      Capabilities can = info.capabilities();
      String email = context.person().email();
      MemberStatus member =
          can.teamInvite() == TeamInvite.MANUAL
              ? null
              : call(DISCOVER, () -> team.memberStatus(account, email));
      ContactFootprint contact =
          can.contacts() || can.erasure() || can.suppression()
              ? call(DISCOVER, () -> contacts.findContact(account, email))
              : ContactFootprint.absent();
      plan =
          new AccountPlan(
              account,
              info.vendor(),
              member,
              contact,
              OffboardPlanning.actions(can, member, contact, context.erase()));
      steps.set(
          DISCOVER,
          StepState.DONE,
          plan.actions().isEmpty()
              ? "nothing to do: unknown to " + info.vendor()
              : String.join("; ", plan.actions()));
    } catch (StepFailed e) {
      fail();
    } catch (ActivityFailure e) {
      steps.set(DISCOVER, StepState.FAILED, ActivityFailures.reason(e));
      fail();
    }
  }

  /** Revokes team access, unsubscribes and suppresses: nothing irreversible. */
  public void revoke(OffboardContext context) {
    if (plan == null) {
      return;
    }
    String email = context.person().email();
    try {
      revokeTeam(context, email);
      ContactFootprint contact = plan.contact();
      if (info.capabilities().lists() && !contact.lists().isEmpty()) {
        step(UNSUBSCRIBE, () -> "left " + contacts.unsubscribeAll(account, email) + " list(s)");
      }
      if (OffboardPlanning.suppressible(info.capabilities(), plan.team(), contact)) {
        step(
            SUPPRESS,
            () -> contacts.suppress(account, email) ? "suppressed" : "already suppressed");
      }
      if (manualTaskId == null) {
        outcome = StepState.DONE;
      }
    } catch (StepFailed e) {
      fail();
    }
  }

  /**
   * Waits for the person doing the manual removal (vendors without a team API). Runs beside the
   * rest of the request: unsubscribing, suppressing and the erasure approval do not wait for it.
   */
  public void awaitManualRevoke(OffboardContext context) {
    if (manualTaskId == null || outcome == StepState.FAILED) {
      return;
    }
    ManualTask done;
    try {
      done =
          context
              .tasks()
              .await(manualTaskId, context.remindEvery(), context.control(), context.ticket());
    } catch (CanceledFailure e) {
      steps.set(REVOKE, StepState.CANCELLED, "withdrawn before anyone checked by hand");
      outcome = StepState.CANCELLED;
      return;
    }
    steps.set(REVOKE, StepState.DONE, "checked by hand by " + done.completion());
    outcome = StepState.DONE;
  }

  private void revokeTeam(OffboardContext context, String email) {
    MemberStatus member = plan.team();
    if (member == null) {
      manualTaskId = account + "-remove";
      context
          .tasks()
          .open(
              manualTaskId,
              account,
              "Check whether "
                  + email
                  + " has access to the "
                  + info.vendor()
                  + " account "
                  + account
                  + " and remove it in the vendor's web UI (it has no API for team members); say"
                  + " what you found in the note",
              context.control(),
              context.ticket());
      steps.set(REVOKE, StepState.WAITING, "manual task " + manualTaskId + " is open");
      if (!context.manualRemovalBeside()) {
        awaitManualRevoke(context);
        manualTaskId = null;
      }
    } else if (member == MemberStatus.PENDING) {
      step(REVOKE, () -> cancelOrRemove(team, email));
    } else if (member == MemberStatus.ACTIVE) {
      step(
          REVOKE,
          () -> {
            team.removeMember(account, email);
            return "team access removed";
          });
    }
  }

  /**
   * Cancels the pending invitation; when the person accepted it after the discovery (the cancel
   * finds a member), removes the member instead of leaving them in (versioned: histories from
   * before end with the cancel).
   */
  private String cancelOrRemove(TeamActivities team, String email) {
    MemberStatus before = team.cancelInvitation(account, email);
    if (before == MemberStatus.ACTIVE
        && Workflow.getVersion(REVOKE_ACCEPTED, Workflow.DEFAULT_VERSION, 1) >= 1) {
      team.removeMember(account, email);
      return "invitation accepted meanwhile: team access removed";
    }
    return "invitation " + describeCancel(before);
  }

  private static String describeCancel(MemberStatus before) {
    return before == MemberStatus.PENDING ? "cancelled" : "already gone (" + before + ")";
  }

  /** True when erasing here is part of the request and there is something to erase. */
  boolean erasable() {
    return plan != null
        && outcome != StepState.FAILED
        && info.capabilities().erasure()
        && plan.contact().exists();
  }

  /** Erases and verifies by reading back; an undeletable record is reported, not retried. */
  void erase(OffboardContext context) {
    try {
      EraseOutcome result = call(ERASE, () -> contacts.erase(account, context.person().email()));
      switch (result.result()) {
        case ERASED -> steps.set(ERASE, StepState.DONE, "erased; read back: gone");
        case ABSENT -> steps.set(ERASE, StepState.DONE, "nothing left to erase");
        default -> {
          undeletable = true;
          steps.set(ERASE, StepState.SKIPPED, "the vendor will not delete it: " + result.detail());
        }
      }
    } catch (StepFailed e) {
      fail();
    }
  }

  void eraseNotApproved(String why) {
    steps.set(ERASE, StepState.SKIPPED, why + ": contact data left intact");
  }

  private void fail() {
    outcome = StepState.FAILED;
    steps.skipRemaining("not run: an earlier step failed");
  }

  private <T> T call(String step, Supplier<T> body) {
    try {
      return body.get();
    } catch (ActivityFailure e) {
      steps.set(step, StepState.FAILED, ActivityFailures.reason(e));
      throw new StepFailed(step);
    }
  }

  private void step(String name, Supplier<String> body) {
    steps.set(name, StepState.RUNNING, null);
    steps.set(name, StepState.DONE, call(name, body));
  }

  public String account() {
    return account;
  }

  public AccountPlan plan() {
    return plan;
  }

  public StepState outcome() {
    return outcome;
  }

  boolean undeletable() {
    return undeletable;
  }

  public AccountReport report() {
    return new AccountReport(
        account, info == null ? null : info.vendor(), outcome, steps.snapshot());
  }
}
