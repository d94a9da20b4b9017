package dev.roster.starter.cli;

import dev.roster.workflows.board.BoardItem;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(
    name = "approvals",
    mixinStandardHelpOptions = true,
    description = {
      "List requests waiting for an approval: who they are about (masked email",
      "and subject), what an approval grants, what they will do, and who may decide",
      "(approvals.approvers in the configuration; anyone but the requester if unset)."
    },
    footer = {
      "",
      "Example:",
      "  roster approvals",
      "  roster approve offboard-RITM0010002 --by bob --comment 'erasure confirmed'"
    })
public final class ApprovalsCommand extends BoardListing {

  public ApprovalsCommand() {
    super(
        BoardItem.APPROVAL,
        "No requests are waiting for an approval.",
        String.format("%-36s %-16s %-14s %s", "WORKFLOW", "REQUESTED BY", "TICKET", "SINCE"),
        ApprovalsCommand::row,
        "Decide with: roster approve|reject WORKFLOW_ID --by NAME [--comment TEXT]");
  }

  /** The request, then who it is about, what it grants, what it will do and who may decide. */
  private static void row(PrintWriter out, BoardItem item) {
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
    out.printf(
        "  may decide: %s%n",
        item.approvers() == null ? "anyone but " + item.requestedBy() : item.approvers());
  }
}
