package dev.roster.starter.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.roster.starter.http.WorkerOpsModule;
import dev.roster.starter.local.SubjectKeyModule;
import dev.roster.starter.servicenow.PollModeModule;
import dev.roster.worker.ConfigModule;
import dev.roster.worker.Environment;
import dev.roster.worker.ImportSetup;
import dev.roster.worker.ServiceNowModule;
import dev.roster.worker.ServiceNowSetup;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.WorkerModule;
import dev.roster.worker.config.AccountConfig;
import dev.roster.worker.config.ConfigException;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.metrics.MetricsModule;
import dev.roster.worker.temporal.TemporalModule;
import dev.roster.worker.vendor.Vendors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code roster worker}'s own part: every account on its real vendor with its resolved credential,
 * and the imports store every worker mounts. {@link #modules} lists what the command installs.
 */
final class DeployedWorkerModule extends AbstractModule {

  /**
   * The modules of {@code roster worker}: configuration, Temporal, the worker, every vendor, the
   * subject key, this module, and ServiceNow (with poll mode's intake) when configured.
   *
   * @throws ConfigException naming every missing credential and every sandbox flag
   */
  static List<Module> modules(RosterConfig config, Map<String, String> env) {
    check(config, env);
    List<Module> modules = new ArrayList<>();
    modules.add(new ConfigModule(config, env));
    modules.add(new MetricsModule());
    modules.add(new TemporalModule(config.temporal(), env));
    modules.add(new WorkerModule());
    modules.addAll(Vendors.modules());
    modules.add(SubjectKeyModule.required());
    modules.add(new DeployedWorkerModule());
    modules.add(new WorkerOpsModule());
    ServiceNowSetup.fromConfig(config.servicenow(), env)
        .map(ServiceNowModule::new)
        .ifPresent(modules::add);
    if (PollModeModule.wanted(config)) {
      modules.add(new PollModeModule());
    }
    return modules;
  }

  /** Every credential resolves and nothing asks for a sandbox: a worker never runs on fakes. */
  private static void check(RosterConfig config, Map<String, String> env) {
    List<String> problems = new ArrayList<>(config.missingCredentials(env));
    for (AccountConfig account : config.accounts().values()) {
      if (account.sandbox()) {
        problems.add(
            "accounts." + account.id() + ".sandbox: true is for dev and demo only, not a worker");
      }
    }
    if (config.servicenow().sandbox()) {
      problems.add("servicenow.sandbox: true is for dev and demo only, not a worker");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException("configuration", problems);
    }
  }

  @Provides
  @Singleton
  List<VendorAccount> accounts(RosterConfig config, Environment env) {
    List<VendorAccount> accounts = new ArrayList<>();
    for (AccountConfig account : config.accounts().values()) {
      accounts.add(
          new VendorAccount(
              account,
              account.baseUrl(),
              account.credentials().resolve(env.variables()).orElseThrow(),
              false));
    }
    return List.copyOf(accounts);
  }

  @Provides
  @Singleton
  ImportSetup imports(RosterConfig config) {
    return ImportSetup.forWorker(config.imports());
  }
}
