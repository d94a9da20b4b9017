package dev.roster.workflows.approval;

/**
 * The base of a request workflow whose risky part waits for a person ({@link ApprovalGate}): its
 * {@code approve} and {@code reject} signal handlers and the {@link DecisionUpdates} hand the
 * decision to the gate, which refuses one from the requester or from someone the policy does not
 * allow. Each workflow interface extends {@link DecisionUpdates}; this class holds their handlers
 * (it does not implement the interface itself: the SDK reads handlers from workflow interfaces).
 * The gate is built in the workflow's {@code @WorkflowInit} constructor, so a decision that arrives
 * before the workflow method runs already knows the requester.
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

  /** Signal handler for {@code withdraw}. */
  public abstract void withdraw(Decision decision);

  /** Why the request cannot be withdrawn now, or null when it can. */
  protected abstract String withdrawalRefusal();

  public void checkApprove(Decision decision) {
    refuseIf(approval.refusalNow(decision, true));
  }

  public DecisionOutcome approveNow(Decision decision) {
    return approval.decide(decision, true);
  }

  public void checkReject(Decision decision) {
    refuseIf(approval.refusalNow(decision, false));
  }

  public DecisionOutcome rejectNow(Decision decision) {
    return approval.decide(decision, false);
  }

  public void checkCancel(Decision decision) {
    if (decision == null || decision.by() == null || decision.by().isBlank()) {
      refuseIf("cancel: no one named");
    }
    refuseIf(withdrawalRefusal());
  }

  public DecisionOutcome cancelNow(Decision decision) {
    withdraw(decision);
    return new DecisionOutcome("withdrawn", "withdrawn by " + decision.by());
  }

  /** A validator's refusal: the caller gets the reason, the history gets nothing. */
  private static void refuseIf(String reason) {
    if (reason != null) {
      throw new IllegalArgumentException(reason);
    }
  }
}
