package dev.roster.workflows.change;

import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.approval.DecisionUpdates;
import dev.roster.workflows.tasks.TaskCompletion;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Changes a person's access (a mover) in one durable request: per account a new team role and list
 * changes, accounts added as onboarding adds them (a child OnboardUser) and accounts removed as
 * offboarding removes them, never erasing. A move to a privileged role waits for an approval; a
 * downgrade does not.
 */
@WorkflowInterface
public interface ChangeAccessWorkflow extends DecisionUpdates {
  String TYPE = "ChangeAccess";

  @WorkflowMethod(name = TYPE)
  ChangeAccessResult change(ChangeAccessRequest request);

  /** Approves the privileged part. Refused (and recorded) from the requester. */
  @SignalMethod
  void approve(Decision decision);

  /** Rejects the privileged part: those roles stay as they are. */
  @SignalMethod
  void reject(Decision decision);

  /**
   * Withdraws the request: waits end, nothing further changes, and the workflow completes with
   * outcome CANCELLED. Changes already made stay. The first withdrawal counts.
   */
  @SignalMethod
  void withdraw(Decision decision);

  /** Confirms a manual task of this request (a role changed by hand). */
  @SignalMethod
  void completeManualTask(TaskCompletion completion);

  /** The request as it was started. */
  @QueryMethod
  ChangeAccessRequest request();

  @QueryMethod
  ChangeAccessStatus status();
}
