package dev.roster.starter.cli;

import picocli.CommandLine.Command;

@Command(
    name = "reject",
    mixinStandardHelpOptions = true,
    description = "Reject a request that waits for approval. The requester cannot reject.",
    footer = {
      "",
      "Example:",
      "  roster reject onboard-RITM0010001 --by bob \\",
      "      --comment 'no admin for contractors'"
    })
public final class RejectCommand extends DecisionCommand {
  @Override
  String signal() {
    return "reject";
  }
}
