package dev.roster.starter.cli;

import picocli.CommandLine.Command;

@Command(
    name = "reject",
    mixinStandardHelpOptions = true,
    description = {
      "Reject a request that waits for approval, as a Temporal Update: the workflow",
      "answers at once. Refused (exit 2, with the reason, nothing recorded) for the",
      "requester, someone approvals.approvers does not allow, or nothing waiting."
    },
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
