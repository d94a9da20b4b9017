package dev.roster.starter.cli;

import picocli.CommandLine.Command;

@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = "Approve a request that waits for approval. The requester cannot approve.",
    footer = {"", "Example:", "  roster approve onboard-RITM0010001 --by bob --comment 'ok'"})
public final class ApproveCommand extends DecisionCommand {
  @Override
  String signal() {
    return "approve";
  }
}
