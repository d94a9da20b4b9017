package dev.roster.starter.cli;

import com.google.inject.Injector;
import dev.roster.starter.http.HttpService;
import dev.roster.starter.servicenow.PollMode;
import dev.roster.worker.Assembly;
import dev.roster.worker.ImportSetup;
import dev.roster.worker.RosterWorker;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.TemporalConnection;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Run the worker role only (for deployment): workflows and vendor activities.",
      "",
      "It needs a configuration file (no built-in one) and credentials for every",
      "account; sandboxes are never used here."
    },
    footer = {
      "",
      "Example:",
      "  TEMPORAL_ADDRESS=temporal:7233 BREVO_API_KEY=... ROSTER_SUBJECT_KEY=... \\",
      "    ROSTER_PAYLOAD_KEY_K1=... roster worker --config /etc/roster/roster.yaml",
      "",
      "It needs temporal.payloadKeys, the key ring that encrypts every payload.",
      "",
      "Bulk imports need imports.store, a directory every worker mounts",
      "(or set imports.enabled: false); local files are read only under",
      "imports.allowedRoots."
    })
public final class WorkerCommand implements Callable<Integer> {
  @Mixin DeployedConfigOptions config;

  @Override
  public Integer call() {
    Map<String, String> env = System.getenv();
    RosterConfig loaded = config.load(env);
    Injector injector = Assembly.of(DeployedWorkerModule.modules(loaded, env));
    RosterWorker worker = Assembly.instance(injector, RosterWorker.class).start();
    TemporalConnection connection = Assembly.instance(injector, TemporalConnection.class);
    PollMode.startPoller(loaded, connection.client());
    System.out.println(
        "Roster worker connected to " + connection.target() + ", polling " + worker.taskQueues());
    System.out.println("Imports: " + Assembly.instance(injector, ImportSetup.class).describe());
    HttpService ops = Assembly.instance(injector, HttpService.class);
    System.out.println("Health and metrics: " + ops.describe(loaded.http().bind()));
    Blocking.untilShutdown(ops, worker, connection);
    return 0;
  }
}
