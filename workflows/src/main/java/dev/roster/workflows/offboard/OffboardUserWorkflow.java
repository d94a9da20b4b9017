package dev.roster.workflows.offboard;

import dev.roster.workflows.approval.DecisionUpdates;
import dev.roster.workflows.tasks.TaskCompletion;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Offboards one person across vendor accounts (ARCHITECTURE.md §4): discover and plan, cancel a
 * running onboarding, revoke team access, unsubscribe and suppress, then (when asked, and only
 * after an approval) erase and verify by reading back. Accounts are isolated from each other.
 *
 * <p>The {@code withdraw} signal (and {@code cancel} Update) withdraws the request ({@code roster
 * cancel}): a wait for the erasure approval or a manual check ends, nothing irreversible is done
 * (the contacts stay intact and the result says so), and the workflow completes with outcome
 * CANCELLED. Steps already done (revoking, unsubscribing, suppressing) stay done. Anyone may
 * withdraw, the requester included; the first one counts.
 */
@WorkflowInterface
public interface OffboardUserWorkflow extends DecisionUpdates {
  String TYPE = "OffboardUser";

  @WorkflowMethod(name = TYPE)
  OffboardResult offboard(OffboardRequest request);

  /** The request as it was started. */
  @QueryMethod
  OffboardRequest request();

  /** Confirms a manual task of this request. */
  @SignalMethod
  void completeManualTask(TaskCompletion completion);

  @QueryMethod
  OffboardStatus status();
}
