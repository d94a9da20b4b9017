package dev.roster.workflows.steps;

import dev.roster.workflows.approval.ApprovalGate;

/** How one account records the request's approval decision in its steps. */
public final class ApprovalStep {

  /**
   * Records {@code result} as the {@code step}'s state; when it is not an approval, skips the
   * remaining steps with the reason and returns how the account ends (else null: go on).
   */
  public static StepState record(StepLog steps, String step, ApprovalGate.Result result) {
    switch (result) {
      case APPROVED:
        steps.set(step, StepState.DONE, "approved");
        return null;
      case REJECTED:
        steps.set(step, StepState.REJECTED, "rejected");
        steps.skipRemaining("not run: approval rejected");
        return StepState.REJECTED;
      case CANCELLED:
        steps.set(step, StepState.CANCELLED, "the request was cancelled");
        steps.skipRemaining("not run: the request was cancelled");
        return StepState.CANCELLED;
      default:
        steps.set(step, StepState.EXPIRED, "nobody answered before the approval timeout");
        steps.skipRemaining("not run: approval timed out");
        return StepState.REJECTED;
    }
  }

  private ApprovalStep() {}
}
