package dev.roster.workflows.approval;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A request that is nothing but its approval gate, to test the gate alone. */
@WorkflowInterface
public interface GatedRequest extends DecisionUpdates {

  /** Waits for the approval of {@code what} and answers how it ended. */
  @WorkflowMethod
  ApprovalGate.Result decide(String requestedBy, String what);

  @QueryMethod
  ApprovalStatus status();
}
