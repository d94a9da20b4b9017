package dev.roster.starter.cli;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.starter.local.SubjectKeys;
import dev.roster.starter.servicenow.PollMode;
import dev.roster.worker.ImportSetup;
import dev.roster.worker.RosterWorker;
import dev.roster.worker.ServiceNowSetup;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.config.AccountConfig;
import dev.roster.worker.config.ConfigException;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.TemporalConnection;
import java.util.ArrayList;
import java.util.List;
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
      "    roster worker --config /etc/roster/roster.yaml",
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
    List<String> missing = new ArrayList<>(loaded.missingCredentials(env));
    for (AccountConfig account : loaded.accounts().values()) {
      if (account.sandbox()) {
        missing.add(
            "accounts." + account.id() + ".sandbox: true is for dev and demo only, not a worker");
      }
    }
    if (loaded.servicenow().sandbox()) {
      missing.add("servicenow.sandbox: true is for dev and demo only, not a worker");
    }
    if (!missing.isEmpty()) {
      throw new ConfigException("configuration", missing);
    }
    ImportSetup imports = ImportSetup.forWorker(loaded.imports());
    List<VendorAccount> accounts = new ArrayList<>();
    for (AccountConfig account : loaded.accounts().values()) {
      accounts.add(
          new VendorAccount(
              account, account.baseUrl(), account.credentials().resolve(env).orElseThrow(), false));
    }
    TemporalConnection connection = TemporalConnection.open(loaded.temporal(), env);
    SubjectHasher subjects = SubjectKeys.required(loaded, env);
    ServiceNowSetup servicenow =
        PollMode.withIntake(
            ServiceNowSetup.fromConfig(loaded.servicenow(), env),
            loaded,
            connection.client(),
            subjects);
    RosterWorker worker =
        RosterWorker.start(
            connection.client(), accounts, loaded.approvals(), subjects, servicenow, imports);
    PollMode.startPoller(loaded, connection.client());
    System.out.println(
        "Roster worker connected to " + connection.target() + ", polling " + worker.taskQueues());
    System.out.println("Imports: " + imports.describe());
    Blocking.untilShutdown(worker, connection);
    return 0;
  }
}
