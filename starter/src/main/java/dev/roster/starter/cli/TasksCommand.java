package dev.roster.starter.cli;

import dev.roster.workflows.board.BoardItem;
import picocli.CommandLine.Command;

@Command(
    name = "tasks",
    mixinStandardHelpOptions = true,
    description = "List open manual tasks: steps a person must do because a vendor has no API.",
    footer = {
      "",
      "Example:",
      "  roster tasks",
      "  roster complete-task onboard-RITM0010001 mailjet-main-invite --by dave"
    })
public final class TasksCommand extends BoardListing {

  public TasksCommand() {
    super(
        BoardItem.MANUAL_TASK,
        "No open manual tasks.",
        String.format("%-36s %-24s %-16s %s", "WORKFLOW", "TASK", "ACCOUNT", "OPEN SINCE"),
        (out, task) ->
            out.printf(
                "%-36s %-24s %-16s %s%n  %s%n",
                task.workflowId(), task.itemId(), task.account(), task.since(), task.text()),
        "");
  }
}
