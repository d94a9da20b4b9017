package dev.roster.starter.cli;

import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.TemporalConnection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Print the per-step state of a workflow.",
    footer = {
      "",
      "Examples:",
      "  roster status onboard-RITM0010001",
      "  roster status ada@example.com      # the onboarding started without a ticket"
    })
public final class StatusCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin TemporalClientOptions temporal;

  @Parameters(index = "0", paramLabel = "WORKFLOW_ID|EMAIL")
  String target;

  @Override
  public Integer call() {
    RosterConfig config = temporal.load();
    try (TemporalConnection connection = temporal.connect(config)) {
      for (String id :
          Workflows.resolveIds(connection.client(), target, () -> temporal.subjects(config))) {
        StatusTable.print(
            spec.commandLine().getOut(), id, Workflows.status(connection.client(), id));
      }
      return 0;
    }
  }
}
