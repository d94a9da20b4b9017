package dev.roster.workflows.control;

import dev.roster.workflows.account.AccountInfo;
import dev.roster.workflows.approval.ApprovalPolicy;
import dev.roster.workflows.board.BoardItem;
import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.notice.Notice;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Roster's own activities, on the {@link TaskQueues#ROSTER} queue. */
@ActivityInterface
public interface ControlActivities {

  /**
   * Describes a configured vendor account. Idempotent.
   *
   * @throws io.temporal.failure.ApplicationFailure {@link FailureTypes#UNKNOWN_ACCOUNT} when no
   *     such account is configured
   */
  @ActivityMethod
  AccountInfo describeAccount(String account);

  /** The approval policy in force. Idempotent. */
  @ActivityMethod
  ApprovalPolicy approvalPolicy();

  /**
   * The keyed hash (HMAC) of a normalised email: the only form of a person allowed in workflow ids
   * and search attributes. Idempotent and stable for a given key.
   */
  @ActivityMethod
  String subjectOf(String email);

  /** Tells people about something (log, and the ticket once ServiceNow is configured). */
  @ActivityMethod
  void notify(Notice notice);

  /**
   * Asks the account's InvitationWatcher to tell {@code workflowId} when its invitation is accepted
   * (or disappears), starting the watcher if it is not running (signal-with-start). Idempotent.
   *
   * <p>The watcher is given the workflow id only and looks the address up in the waiter's own
   * request when it polls; {@code email} is not passed on. It stays in the signature because
   * running OnboardUser histories record this activity with it.
   */
  @ActivityMethod
  void watchInvitation(String account, String workflowId, String email);

  /** Lists an item on the request board (signal-with-start). Idempotent. */
  @ActivityMethod
  void postToBoard(BoardItem item);

  /** Takes an item off the request board. Idempotent: no board is success. */
  @ActivityMethod
  void removeFromBoard(BoardItem item);

  /** The ids of every configured vendor account, in configuration order. */
  @ActivityMethod
  java.util.List<String> listAccounts();

  /**
   * Cancels the running OnboardUser workflows of a subject (by the subject's workflow id, and by
   * its search attribute where the server supports visibility queries). Idempotent; returns the
   * workflow ids it cancelled.
   */
  @ActivityMethod
  java.util.List<String> cancelOnboarding(String subject);

  /** Withdraws a watch (expired or cancelled invitation). Idempotent: no watcher is success. */
  @ActivityMethod
  void unwatchInvitation(String account, String workflowId);
}
