package dev.roster.workflows.watcher;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * One per vendor account ({@link WatcherState#workflowId}): lists the account's members once per
 * poll interval, however many invitations are pending, and signals each waiting workflow when its
 * invitation is accepted. Completes when nobody is waiting.
 */
@WorkflowInterface
public interface InvitationWatcherWorkflow {

  @WorkflowMethod(name = "InvitationWatcher")
  void watch(WatcherState state);

  /** Adds a waiter. Idempotent per workflow id. */
  @SignalMethod
  void register(Watch watch);

  /** Removes a waiter. Idempotent. */
  @SignalMethod
  void unregister(String workflowId);

  /** The workflow ids still waiting. */
  @QueryMethod
  List<String> waiting();
}
