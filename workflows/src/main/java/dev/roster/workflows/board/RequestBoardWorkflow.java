package dev.roster.workflows.board;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * What waits for a person across all requests (approvals, manual tasks), so that {@code roster
 * approvals} and {@code roster tasks} work without visibility queries, which the embedded server
 * lacks. One instance, {@link #WORKFLOW_ID}, fed by signal-with-start; requests own their items,
 * the board only lists them.
 */
@WorkflowInterface
public interface RequestBoardWorkflow {
  String WORKFLOW_ID = "roster-request-board";

  @WorkflowMethod(name = "RequestBoard")
  void run(List<BoardItem> open);

  /** Lists an item. Idempotent per key. */
  @SignalMethod
  void opened(BoardItem item);

  /** Takes an item off. Idempotent. */
  @SignalMethod
  void closed(BoardItem item);

  @QueryMethod
  List<BoardItem> items();
}
