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
      "On sandboxes of Brevo, Mailjet, MailerSend and listmonk it onboards Ada",
      "on all four (a Mailjet manual task, completed as an operator would) and",
      "Grace as a Brevo admin (her requester's own approval is refused, a second",
      "person approves); offboards Ada with erasure (a manual check, an",
      "approval); then a sandbox ServiceNow onboards and offboards Katherine",
      "through signed webhooks. It prints each step, checks every sandbox's end",
      "state, and exits 0 only when every expected end state holds."
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
