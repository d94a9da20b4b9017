package dev.roster.workflows.approval;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;

/**
 * Decisions as Temporal Updates, on every request workflow with an approval: the caller learns at
 * once whether the decision was taken or why it was refused (the requester, someone the policy does
 * not allow, nothing waiting, already decided), and a refused one changes nothing and leaves no
 * event in the history. The signals of the same names stay for the Temporal CLI and for workflows
 * that are already running; a refused signal is recorded in the status instead.
 */
public interface DecisionUpdates {
  String APPROVE = "approve";
  String REJECT = "reject";
  String CANCEL = "cancel";

  /** Approves the waiting part of the request. Refused (and recorded) from the requester. */
  @SignalMethod
  void approve(Decision decision);

  /** Rejects the waiting part of the request. Refused (and recorded) from the requester. */
  @SignalMethod
  void reject(Decision decision);

  /** Withdraws the request (what {@code roster cancel} sends). Anyone may withdraw. */
  @SignalMethod
  void withdraw(Decision decision);

  @UpdateValidatorMethod(updateName = APPROVE)
  void checkApprove(Decision decision);

  @UpdateMethod(name = APPROVE)
  DecisionOutcome approveNow(Decision decision);

  @UpdateValidatorMethod(updateName = REJECT)
  void checkReject(Decision decision);

  @UpdateMethod(name = REJECT)
  DecisionOutcome rejectNow(Decision decision);

  /** Refused when the request cannot be withdrawn any more (already withdrawn, too late). */
  @UpdateValidatorMethod(updateName = CANCEL)
  void checkCancel(Decision decision);

  /** Withdraws the request, as the {@code withdraw} signal does. */
  @UpdateMethod(name = CANCEL)
  DecisionOutcome cancelNow(Decision decision);
}
