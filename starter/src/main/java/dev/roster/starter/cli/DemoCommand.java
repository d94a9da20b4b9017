package dev.roster.starter.cli;

import dev.roster.starter.local.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the main job end to end on the embedded default, and check the result.",
      "",
      "Onboards two people on a sandbox Brevo (one needs an approval), prints each step and",
      "checks the sandbox's end state. Exits 0 only when every expected end state holds."
    },
    footer = {"", "Examples:", "  roster demo", "  roster demo --temporal-port 7300"})
public final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--temporal-port",
      paramLabel = "PORT",
      description = "Port of the embedded Temporal server (default 7233).")
  Integer temporalPort;

  @Override
  public Integer call() throws Exception {
    return new Demo(System.out).run(System.getenv(), temporalPort) ? 0 : 1;
  }
}
