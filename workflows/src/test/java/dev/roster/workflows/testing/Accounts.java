package dev.roster.workflows.testing;

import dev.roster.workflows.account.AccountInfo;
import dev.roster.workflows.account.Capabilities;
import dev.roster.workflows.account.Capabilities.TeamInvite;
import dev.roster.workflows.account.InvitationPolicy;
import dev.roster.workflows.approval.ApprovalPolicy;
import dev.roster.workflows.conventions.TaskQueues;
import java.time.Duration;
import java.util.List;

/** Fictional vendor accounts with the shapes that matter to the workflows' decisions. */
public final class Accounts {

  /** Admin is privileged; an approval waits 3 days, reminding every day. */
  public static final ApprovalPolicy POLICY =
      new ApprovalPolicy(List.of("admin"), Duration.ofDays(3), Duration.ofDays(1));

  /** Resend after 3 days, expire after 7. */
  public static final InvitationPolicy INVITATIONS =
      new InvitationPolicy(Duration.ofHours(1), Duration.ofDays(3), Duration.ofDays(7));

  /** Invitations a person accepts, contacts, lists, suppression and erasure (like Brevo). */
  public static AccountInfo invitations(String account) {
    return account(account, TeamInvite.INVITATION, true);
  }

  /** No team API, so a person invites and removes by hand (like Mailjet). */
  public static AccountInfo manualTeam(String account) {
    return account(account, TeamInvite.MANUAL, true);
  }

  /** Members active at once (like listmonk). */
  public static AccountInfo immediate(String account) {
    return account(account, TeamInvite.IMMEDIATE, true);
  }

  private static AccountInfo account(String account, TeamInvite team, boolean contacts) {
    return new AccountInfo(
        account,
        "fake-" + team.name().toLowerCase(),
        new Capabilities(team, contacts, contacts, contacts, contacts),
        TaskQueues.activityQueue(account, "team"),
        TaskQueues.activityQueue(account, "contacts"),
        INVITATIONS);
  }

  private Accounts() {}
}
