package dev.roster.starter.cli;

import dev.roster.workflows.board.BoardItem;
import dev.roster.workflows.board.RequestBoardWorkflow;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.List;

/** Reads the request board: what waits for a person. */
public final class Board {

  /** The open items of one kind; none when the board is not running. */
  public static List<BoardItem> items(WorkflowClient client, String kind) {
    try {
      return client
          .newWorkflowStub(RequestBoardWorkflow.class, RequestBoardWorkflow.WORKFLOW_ID)
          .items()
          .stream()
          .filter(i -> i.kind().equals(kind))
          .toList();
    } catch (WorkflowNotFoundException e) {
      return List.of();
    } catch (StatusRuntimeException e) {
      throw Workflows.unreachable(e);
    }
  }

  private Board() {}
}
