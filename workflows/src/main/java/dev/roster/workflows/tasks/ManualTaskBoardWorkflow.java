package dev.roster.workflows.tasks;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * The list of open manual tasks across all requests, so that {@code roster tasks} works without
 * visibility queries (which the embedded server lacks). One instance, {@link #WORKFLOW_ID}, fed by
 * signal-with-start; requests still own their tasks, the board only lists them.
 */
@WorkflowInterface
public interface ManualTaskBoardWorkflow {
  String WORKFLOW_ID = "roster-manual-tasks";

  @WorkflowMethod(name = "ManualTaskBoard")
  void run(List<ManualTask> open);

  /** Lists a task. Idempotent per (workflowId, taskId). */
  @SignalMethod
  void opened(ManualTask task);

  /** Removes a task from the list. Idempotent. */
  @SignalMethod
  void closed(ManualTask task);

  @QueryMethod
  List<ManualTask> open();
}
