package dev.roster.workflows.onboard;

import dev.roster.workflows.account.AccountInfo;
import dev.roster.workflows.account.InvitationPolicy;
import dev.roster.workflows.control.ControlActivities;
import dev.roster.workflows.failure.ActivityFailures;
import dev.roster.workflows.notice.Milestones;
import dev.roster.workflows.notice.Notice;
import dev.roster.workflows.steps.StepLog;
import dev.roster.workflows.steps.StepState;
import dev.roster.workflows.team.InviteOutcome;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.team.TeamActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for one invitation to be accepted. The account's InvitationWatcher does the polling (one
 * listing per interval for all waiters); this side owns the resend and the expiry.
 */
final class InvitationWait {
  private final String account;
  private final InvitationPolicy policy;
  private final TeamActivities team;
  private final ControlActivities control;
  private final StepLog steps;
  private final Supplier<MemberStatus> update;
  private final Runnable forgetUpdate;
  private final String role;
  private final String ticket;
  private final Milestones milestones;

  InvitationWait(
      String account,
      String ticket,
      Milestones milestones,
      AccountInfo info,
      TeamActivities team,
      ControlActivities control,
      StepLog steps,
      String role,
      Supplier<MemberStatus> update,
      Runnable forgetUpdate) {
    this.account = account;
    this.ticket = ticket;
    this.milestones = milestones;
    this.policy = info.invitations();
    this.team = team;
    this.control = control;
    this.steps = steps;
    this.update = update;
    this.forgetUpdate = forgetUpdate;
    this.role = role;
  }

  /**
   * Returns DONE when accepted, EXPIRED when cancelled at expiry, FAILED when it vanished twice:
   * the first time it is sent again (the vendor may have lost Roster's write), the second time a
   * person outside Roster removed it on purpose.
   */
  StepState await(String email, String workflowId) {
    control.watchInvitation(account, workflowId, email);
    steps.set(AccountOnboarding.ACCEPTANCE, StepState.WAITING, "invitation sent, not accepted yet");
    milestones.post(
        Notice.WAITING_ACCEPTANCE, account + ": invitation sent, waiting for it to be accepted.");
    try {
      return waitForAnswer(email, workflowId);
    } catch (CanceledFailure e) {
      // Cancelled (an offboarding started): stop watching; the offboarding cancels the invite.
      Workflow.newDetachedCancellationScope(() -> control.unwatchInvitation(account, workflowId))
          .run();
      steps.set(AccountOnboarding.ACCEPTANCE, StepState.CANCELLED, "request cancelled");
      throw e;
    }
  }

  private StepState waitForAnswer(String email, String workflowId) {
    long sentAt = Workflow.currentTimeMillis();
    long expireAt = sentAt + policy.expireAfter().toMillis();
    long resendAt =
        policy.resendAfter() == null ? Long.MAX_VALUE : sentAt + policy.resendAfter().toMillis();
    boolean resent = false;
    boolean reinvited = false;
    while (true) {
      while (update.get() == null) {
        long now = Workflow.currentTimeMillis();
        if (now >= expireAt) {
          return expire(email, workflowId);
        }
        long until = resent ? expireAt : Math.min(resendAt, expireAt);
        if (Workflow.await(
            Duration.ofMillis(Math.max(1, until - now)), () -> update.get() != null)) {
          break;
        }
        if (!resent && Workflow.currentTimeMillis() >= resendAt && resendAt < expireAt) {
          resent = true;
          resend(email);
        }
      }
      if (update.get() == MemberStatus.ACTIVE) {
        steps.set(AccountOnboarding.ACCEPTANCE, StepState.DONE, "accepted");
        return StepState.DONE;
      }
      if (reinvited
          || Workflow.getVersion(AccountOnboarding.REWRITE, Workflow.DEFAULT_VERSION, 1)
              == Workflow.DEFAULT_VERSION) {
        steps.set(
            AccountOnboarding.ACCEPTANCE,
            StepState.FAILED,
            "the invitation disappeared"
                + (reinvited ? " again" : "")
                + " (cancelled outside Roster?)");
        return StepState.FAILED;
      }
      reinvited = true;
      StepState again = inviteAgain(email, workflowId);
      if (again != null) {
        return again;
      }
    }
  }

  /**
   * Sends the vanished invitation again and watches it anew; null while waiting goes on, else how
   * the acceptance ended (the vendor says the person is a member already, or the invite failed).
   */
  private StepState inviteAgain(String email, String workflowId) {
    InviteOutcome outcome;
    try {
      outcome = team.invite(account, email, role);
    } catch (ActivityFailure e) {
      steps.set(
          AccountOnboarding.ACCEPTANCE,
          StepState.FAILED,
          "the invitation disappeared; inviting again failed: " + ActivityFailures.reason(e));
      return StepState.FAILED;
    }
    if (outcome == InviteOutcome.ACTIVE || outcome == InviteOutcome.ALREADY_ACTIVE) {
      steps.set(AccountOnboarding.ACCEPTANCE, StepState.DONE, "accepted");
      return StepState.DONE;
    }
    forgetUpdate.run();
    control.watchInvitation(account, workflowId, email);
    steps.set(
        AccountOnboarding.ACCEPTANCE,
        StepState.WAITING,
        "the invitation had disappeared at " + account + ": invited again, waiting");
    return null;
  }

  private void resend(String email) {
    try {
      team.resendInvitation(account, email);
      steps.set(
          AccountOnboarding.ACCEPTANCE,
          StepState.WAITING,
          "not accepted after " + days(policy.resendAfter()) + ": invitation resent");
    } catch (ActivityFailure e) {
      // A failed resend is worth a note, not the end: the first invitation still stands.
      steps.set(
          AccountOnboarding.ACCEPTANCE,
          StepState.WAITING,
          "resend failed (" + ActivityFailures.reason(e) + "), still waiting");
    }
  }

  private StepState expire(String email, String workflowId) {
    control.unwatchInvitation(account, workflowId);
    String detail = "not accepted within " + days(policy.expireAfter());
    try {
      // The watcher looks once per interval: the person may have accepted since its last look.
      if (team.cancelInvitation(account, email) == MemberStatus.ACTIVE) {
        steps.set(AccountOnboarding.ACCEPTANCE, StepState.DONE, "accepted just before expiry");
        return StepState.DONE;
      }
      detail += ": invitation cancelled";
    } catch (ActivityFailure e) {
      detail += "; cancelling it failed: " + ActivityFailures.reason(e);
    }
    steps.set(AccountOnboarding.ACCEPTANCE, StepState.EXPIRED, detail);
    control.notify(new Notice(workflowId, ticket, "invitation-expired", account + ": " + detail));
    return StepState.EXPIRED;
  }

  private static String days(Duration d) {
    if (d.toDays() >= 1 && d.toHoursPart() == 0) {
      return d.toDays() + " day(s)";
    }
    return d.toString().substring(2).toLowerCase();
  }
}
