package dev.roster.workflows.change;

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
 *
 * <p>The {@code withdraw} signal (and {@code cancel} Update) withdraws the request: waits end,
 * nothing further changes, and the workflow completes with outcome CANCELLED. Changes already made
 * stay. The first withdrawal counts.
 */
@WorkflowInterface
public interface ChangeAccessWorkflow extends DecisionUpdates {
  String TYPE = "ChangeAccess";

  @WorkflowMethod(name = TYPE)
  ChangeAccessResult change(ChangeAccessRequest request);

  /** Confirms a manual task of this request (a role changed by hand). */
  @SignalMethod
  void completeManualTask(TaskCompletion completion);

  /** The request as it was started. */
  @QueryMethod
  ChangeAccessRequest request();

  @QueryMethod
  ChangeAccessStatus status();
}
