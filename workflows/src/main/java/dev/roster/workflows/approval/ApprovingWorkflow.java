package dev.roster.workflows.approval;

/**
 * The base of a request workflow whose risky part waits for a person ({@link ApprovalGate}): its
 * {@code approve} and {@code reject} signal handlers hand the decision to the gate, which refuses
 * and records one from the requester. The gate is built in the workflow's {@code @WorkflowInit}
 * constructor, so a decision that arrives before the workflow method runs already knows the
 * requester.
 */
public abstract class ApprovingWorkflow {
  protected final ApprovalGate approval;

  /**
   * @param requestedBy who asked, or null when the request names nobody (it is refused at start)
   */
  protected ApprovingWorkflow(String requestedBy) {
    this.approval = new ApprovalGate(requestedBy);
  }

  /** Signal handler for {@code approve}. */
  public void approve(Decision decision) {
    approval.approve(decision);
  }

  /** Signal handler for {@code reject}. */
  public void reject(Decision decision) {
    approval.reject(decision);
  }
}
