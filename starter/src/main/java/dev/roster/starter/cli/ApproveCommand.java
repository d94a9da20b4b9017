package dev.roster.starter.cli;

import picocli.CommandLine.Command;

@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = {
      "Approve a request that waits for approval, as a Temporal Update: the workflow",
      "answers at once. Refused (exit 2, with the reason, nothing recorded) for the",
      "requester, someone approvals.approvers does not allow, or nothing waiting."
    },
    footer = {"", "Example:", "  roster approve onboard-RITM0010001 --by bob --comment 'ok'"})
public final class ApproveCommand extends DecisionCommand {
  @Override
  String signal() {
    return "approve";
  }
}
