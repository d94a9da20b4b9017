package dev.roster.workflows.onboard;

import dev.roster.workflows.approval.DecisionUpdates;
import dev.roster.workflows.tasks.TaskCompletion;
import dev.roster.workflows.watcher.InvitationUpdate;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Onboards one person across vendor accounts (ARCHITECTURE.md §4): per account, in parallel and
 * isolated, approval when the role is privileged, invitation, contact upsert, list subscriptions
 * and the wait for acceptance with a resend and an expiry.
 *
 * <p>The {@code withdraw} signal (and {@code cancel} Update) stops the request (an offboarding of
 * the same person started, or {@code roster cancel}): waits end, nothing further is done, and the
 * workflow completes with outcome CANCELLED and the decision in {@code status().withdrawal}. Anyone
 * may withdraw, the requester included. The first withdrawal counts; later ones change nothing.
 */
@WorkflowInterface
public interface OnboardUserWorkflow extends DecisionUpdates {

  /** Workflow type name, as the Temporal CLI and the Web UI show it. */
  String TYPE = "OnboardUser";

  @WorkflowMethod(name = TYPE)
  OnboardResult onboard(OnboardRequest request);

  /**
   * Adds accounts and lists to the running request (see {@link OnboardAmendment}); the added work
   * runs beside the rest and is reported with it. Returns the request as it stands afterwards.
   *
   * @throws io.temporal.failure.ApplicationFailure {@code InvalidRequest} when, once the approval
   *     policy is known, a new account asks for a privileged role
   */
  @UpdateMethod
  OnboardRequest amend(OnboardAmendment amendment);

  /**
   * Refuses an amendment before it enters history: the request ended or was withdrawn, nothing new,
   * a role change, an unknown role, a malformed list id, a privileged role.
   */
  @UpdateValidatorMethod(updateName = "amend")
  void validateAmend(OnboardAmendment amendment);

  /** The request as it stands: what was asked at the start plus every accepted amendment. */
  @QueryMethod
  OnboardRequest request();

  /** Confirms a manual task of this request (a step done by hand). */
  @SignalMethod
  void completeManualTask(TaskCompletion completion);

  /** Sent by the account's InvitationWatcher. */
  @SignalMethod(name = InvitationUpdate.SIGNAL)
  void invitationChanged(InvitationUpdate update);

  @QueryMethod
  OnboardStatus status();
}
