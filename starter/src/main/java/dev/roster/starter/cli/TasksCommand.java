package dev.roster.starter.cli;

import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.TemporalConnection;
import dev.roster.workflows.board.BoardItem;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

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
public final class TasksCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin TemporalClientOptions temporal;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RosterConfig config = temporal.load();
    try (TemporalConnection connection = temporal.connect(config)) {
      List<BoardItem> open = Board.items(connection.client(), BoardItem.MANUAL_TASK);
      if (open.isEmpty()) {
        out.println("No open manual tasks.");
        return 0;
      }
      out.printf("%-36s %-24s %-16s %s%n", "WORKFLOW", "TASK", "ACCOUNT", "OPEN SINCE");
      for (BoardItem task : open) {
        out.printf(
            "%-36s %-24s %-16s %s%n  %s%n",
            task.workflowId(), task.itemId(), task.account(), task.since(), task.text());
      }
      return 0;
    }
  }
}
