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
    name = "approvals",
    mixinStandardHelpOptions = true,
    description = {
      "List requests waiting for an approval: who they are about (masked email",
      "and subject), what an approval grants, and what they will do."
    },
    footer = {
      "",
      "Example:",
      "  roster approvals",
      "  roster approve offboard-RITM0010002 --by bob --comment 'erasure confirmed'"
    })
public final class ApprovalsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin TemporalClientOptions temporal;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RosterConfig config = temporal.load();
    try (TemporalConnection connection = temporal.connect(config)) {
      List<BoardItem> open = Board.items(connection.client(), BoardItem.APPROVAL);
      if (open.isEmpty()) {
        out.println("No requests are waiting for an approval.");
        return 0;
      }
      out.printf("%-36s %-16s %-14s %s%n", "WORKFLOW", "REQUESTED BY", "TICKET", "SINCE");
      for (BoardItem item : open) {
        out.printf(
            "%-36s %-16s %-14s %s%n",
            item.workflowId(),
            item.requestedBy(),
            item.ticket() == null ? "-" : item.ticket(),
            item.since());
        if (item.about() != null) {
          out.printf("  about: %s%n", item.about());
        }
        if (item.role() != null) {
          out.printf("  grants: %s%n", item.role());
        }
        out.printf("  will: %s%n", StatusTable.indent(item.text(), "        ").strip());
      }
      out.println("Decide with: roster approve|reject WORKFLOW_ID --by NAME [--comment TEXT]");
      return 0;
    }
  }
}
