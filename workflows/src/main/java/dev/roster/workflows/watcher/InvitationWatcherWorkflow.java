package dev.roster.workflows.watcher;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * One per vendor account ({@link WatcherState#workflowId}): lists the account's members once per
 * poll interval, however many invitations are pending, and signals each waiting workflow when its
 * invitation is accepted. Keeps waiters by workflow id only. Completes when nobody is waiting.
 */
@WorkflowInterface
public interface InvitationWatcherWorkflow {

  @WorkflowMethod(name = "InvitationWatcher")
  void watch(WatcherState state);

  /** Adds a waiter by workflow id; its address is looked up when the account is checked. */
  @SignalMethod
  void registerWaiter(String workflowId);

  /**
   * Adds a waiter with its email: what Roster sent before waiters were kept by id, still accepted
   * from runs and workers of that time. The email is not handed on.
   */
  @SignalMethod
  void register(Watch watch);

  /** Removes a waiter. Idempotent. */
  @SignalMethod
  void unregister(String workflowId);

  /** The workflow ids still waiting. */
  @QueryMethod
  List<String> waiting();

  /**
   * How many workflows wait: the account's invitations sent and not yet accepted, expired or
   * cancelled ({@code roster_invitations_pending}).
   */
  @QueryMethod
  int waitingCount();

  /**
   * At most {@code max} of the waiting workflow ids, from position {@code from} in registration
   * order: how the check activity reads a long waiting list in bounded pieces.
   */
  @QueryMethod
  List<String> waitingPage(int from, int max);
}
