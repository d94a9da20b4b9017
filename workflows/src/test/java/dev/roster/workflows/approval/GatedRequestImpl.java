package dev.roster.workflows.approval;

import dev.roster.workflows.control.ControlActivities;
import dev.roster.workflows.conventions.RosterActivityOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.util.List;

/**
 * The gate as the request workflows use it: built at init, awaited with the control activities, for
 * an erasure on account {@code acme}.
 */
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
    ApprovalPolicy policy = control.approvalPolicy();
    approval.expect(policy, ApproverRule.ERASURE, List.of("acme"));
    ApprovalGate.Result result = approval.await(what, policy, control, "RITM0000001");
    // A request goes on working after its decision; so does this one, for an hour of workflow time
    // (skipped while the test waits for the result), so late decisions meet a running workflow.
    Workflow.sleep(Duration.ofHours(1));
    return result;
  }

  @Override
  public void withdraw(Decision decision) {
    approval.withdraw(decision);
  }

  @Override
  protected String withdrawalRefusal() {
    return approval.isWaiting() ? null : "nothing to withdraw: not waiting";
  }

  @Override
  public ApprovalStatus status() {
    return approval.status();
  }
}
