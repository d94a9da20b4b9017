package dev.roster.workflows.board;

import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class RequestBoardWorkflowImpl implements RequestBoardWorkflow {
  /** Each signal adds a few events; start a fresh run well before the history limits. */
  static final int MAX_SIGNALS_PER_RUN = 1000;

  private final Map<String, BoardItem> open = new LinkedHashMap<>();
  private int signals;

  @Override
  public void run(List<BoardItem> initial) {
    initial.forEach(i -> open.put(i.key(), i));
    // Stays up while items are open; an idle, empty board ends after a day (restarted on demand).
    while (true) {
      Workflow.setCurrentDetails(open.size() + " item(s) waiting for a person.");
      int seen = signals;
      boolean signalled = Workflow.await(Duration.ofDays(1), () -> signals != seen);
      if (!signalled && open.isEmpty()) {
        break;
      }
      if (signals >= MAX_SIGNALS_PER_RUN || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        Workflow.continueAsNew(new ArrayList<>(open.values()));
      }
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
  }

  @Override
  public void opened(BoardItem item) {
    open.put(item.key(), item);
    signals++;
  }

  @Override
  public void closed(BoardItem item) {
    open.remove(item.key());
    signals++;
  }

  @Override
  public List<BoardItem> items() {
    return List.copyOf(open.values());
  }
}
