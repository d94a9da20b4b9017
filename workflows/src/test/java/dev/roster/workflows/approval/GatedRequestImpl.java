package dev.roster.workflows.approval;

import dev.roster.workflows.control.ControlActivities;
import dev.roster.workflows.conventions.RosterActivityOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;

/** The gate as the request workflows use it: built at init, awaited with the control activities. */
public class GatedRequestImpl extends ApprovingWorkflow implements GatedRequest {
  private final ControlActivities control =
      Workflow.newActivityStub(ControlActivities.class, RosterActivityOptions.control());

  @WorkflowInit
  public GatedRequestImpl(String requestedBy, String what) {
    super(requestedBy);
  }

  @Override
  public ApprovalGate.Result decide(String requestedBy, String what) {
    approval.about("ada@example.com", "s-1", "admin on acme");
    return approval.await(what, control.approvalPolicy(), control, "RITM0000001");
  }

  @Override
  public void withdraw(Decision decision) {
    approval.withdraw(decision);
  }

  @Override
  public ApprovalStatus status() {
    return approval.status();
  }
}
