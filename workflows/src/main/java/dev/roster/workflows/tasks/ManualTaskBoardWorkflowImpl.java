package dev.roster.workflows.tasks;

import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class ManualTaskBoardWorkflowImpl implements ManualTaskBoardWorkflow {
  /** Each signal adds a few events; start a fresh run well before the history limits. */
  static final int MAX_SIGNALS_PER_RUN = 1000;

  private final Map<String, ManualTask> open = new LinkedHashMap<>();
  private int signals;

  @Override
  public void run(List<ManualTask> initial) {
    initial.forEach(t -> open.put(key(t), t));
    // Stays up while tasks are open; an idle board ends after a day and is restarted on demand.
    while (true) {
      Workflow.setCurrentDetails(open.size() + " open manual task(s).");
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

  private static String key(ManualTask t) {
    return t.workflowId() + "/" + t.taskId();
  }

  @Override
  public void opened(ManualTask task) {
    open.put(key(task), task);
    signals++;
  }

  @Override
  public void closed(ManualTask task) {
    open.remove(key(task));
    signals++;
  }

  @Override
  public List<ManualTask> open() {
    return List.copyOf(open.values());
  }
}
