package dev.roster.workflows.tasks;

import dev.roster.workflows.board.BoardItem;
import dev.roster.workflows.control.ControlActivities;
import dev.roster.workflows.notice.Milestones;
import dev.roster.workflows.notice.Notice;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's manual tasks, inside its workflow: opens a task, lists it on the board, reminds on a
 * timer and returns once a person confirms it with {@code completeManualTask}.
 */
public final class ManualTasks {
  private final Map<String, ManualTask> tasks = new LinkedHashMap<>();
  private final Map<String, TaskCompletion> completions = new LinkedHashMap<>();
  private Milestones milestones;

  /** Where opened tasks are announced (the ticket); set once the workflow knows its ticket. */
  public void reportTo(Milestones milestones) {
    this.milestones = milestones;
  }

  /** Signal handler: records a completion (tasks may be confirmed before they are awaited). */
  public void complete(TaskCompletion completion) {
    if (completion != null && completion.taskId() != null && completion.by() != null) {
      completions.putIfAbsent(completion.taskId(), completion);
    }
  }

  /** True when {@code taskId} names a task of this request (open or done). */
  public boolean has(String taskId) {
    return tasks.containsKey(taskId);
  }

  /** Opens a task and lists it on the manual-task board; does not wait. */
  public ManualTask open(
      String taskId,
      String account,
      String instructions,
      ControlActivities control,
      String ticket) {
    ManualTask task =
        new ManualTask(
            Workflow.getInfo().getWorkflowId(),
            taskId,
            account,
            instructions,
            Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString(),
            null,
            null);
    tasks.put(taskId, task);
    control.postToBoard(boardItem(task, ticket));
    if (milestones != null) {
      milestones.post(Notice.MANUAL_TASK, "Manual task " + taskId + ": " + instructions, taskId);
    }
    return task;
  }

  /**
   * Blocks until a person completes the open task {@code taskId}, reminding every {@code
   * remindEvery}; returns the completed task and takes it off the board.
   */
  public ManualTask await(
      String taskId, Duration remindEvery, ControlActivities control, String ticket) {
    ManualTask task = tasks.get(taskId);
    try {
      remindUntilDone(task, remindEvery, control, ticket);
    } catch (CanceledFailure e) {
      // The request was cancelled: the task must not linger on the board.
      Workflow.newDetachedCancellationScope(() -> control.removeFromBoard(boardItem(task, ticket)))
          .run();
      throw e;
    }
    TaskCompletion done = completions.get(taskId);
    ManualTask completed =
        new ManualTask(
            task.workflowId(),
            taskId,
            task.account(),
            task.instructions(),
            task.openedAt(),
            done.by(),
            done.note());
    tasks.put(taskId, completed);
    control.removeFromBoard(boardItem(task, ticket));
    return completed;
  }

  private void remindUntilDone(
      ManualTask task, Duration remindEvery, ControlActivities control, String ticket) {
    int reminders = 0;
    while (!Workflow.await(remindEvery, () -> completions.containsKey(task.taskId()))) {
      reminders++;
      control.notify(
          new Notice(
              task.workflowId(),
              ticket,
              "manual-task-reminder",
              "Manual task "
                  + task.taskId()
                  + " still open ("
                  + reminders
                  + " reminder(s)): roster complete-task "
                  + task.workflowId()
                  + " "
                  + task.taskId()
                  + " --by NAME"));
    }
  }

  private static BoardItem boardItem(ManualTask task, String ticket) {
    return new BoardItem(
        BoardItem.MANUAL_TASK,
        task.workflowId(),
        task.taskId(),
        task.account(),
        task.instructions(),
        null,
        ticket,
        task.openedAt(),
        null,
        null,
        null,
        null,
        List.of());
  }

  public List<ManualTask> snapshot() {
    return List.copyOf(tasks.values());
  }
}
