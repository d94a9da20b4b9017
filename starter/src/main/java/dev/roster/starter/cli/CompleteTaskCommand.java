package dev.roster.starter.cli;

import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.TemporalConnection;
import dev.roster.workflows.request.RequestStatus;
import dev.roster.workflows.tasks.ManualTask;
import dev.roster.workflows.tasks.TaskCompletion;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "complete-task",
    mixinStandardHelpOptions = true,
    description = "Confirm that a manual task was done by hand.",
    footer = {
      "",
      "Example:",
      "  roster complete-task onboard-RITM0010001 mailjet-main-invite --by dave \\",
      "      --note 'invited in the Mailjet UI'"
    })
public final class CompleteTaskCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin TemporalClientOptions temporal;

  @Parameters(index = "0", paramLabel = "WORKFLOW_ID")
  String workflowId;

  @Parameters(index = "1", paramLabel = "TASK_ID")
  String taskId;

  @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who did it.")
  String by;

  @Option(names = "--note", paramLabel = "TEXT", description = "What was done.")
  String note;

  @Override
  public Integer call() {
    RosterConfig config = temporal.load();
    try (TemporalConnection connection = temporal.connect(config)) {
      RequestStatus status = Workflows.status(connection.client(), workflowId);
      List<ManualTask> tasks = status.manualTasks() == null ? List.of() : status.manualTasks();
      ManualTask task =
          tasks.stream().filter(t -> t.taskId().equals(taskId)).findFirst().orElse(null);
      if (task == null) {
        throw new UsageError(
            workflowId
                + " has no manual task "
                + taskId
                + (tasks.isEmpty()
                    ? ""
                    : " (its tasks: "
                        + String.join(", ", tasks.stream().map(ManualTask::taskId).toList())
                        + ")"));
      }
      if (!task.open()) {
        throw new UsageError(taskId + " was already completed by " + task.completedBy());
      }
      Workflows.untyped(connection.client(), workflowId)
          .signal("completeManualTask", new TaskCompletion(taskId, by, note));
      spec.commandLine().getOut().println("Completed " + taskId + " of " + workflowId + ".");
      return 0;
    }
  }
}
