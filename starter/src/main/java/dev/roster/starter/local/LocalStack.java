package dev.roster.starter.local;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import dev.roster.activities.http.Secret;
import dev.roster.starter.http.HttpModule;
import dev.roster.starter.http.HttpService;
import dev.roster.starter.http.PollersReady;
import dev.roster.starter.local.sandbox.SandboxVendors;
import dev.roster.starter.servicenow.PollMode;
import dev.roster.starter.servicenow.PollModeModule;
import dev.roster.worker.Assembly;
import dev.roster.worker.ConfigModule;
import dev.roster.worker.ImportSetup;
import dev.roster.worker.RosterWorker;
import dev.roster.worker.ServiceNowModule;
import dev.roster.worker.ServiceNowSetup;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.WorkerModule;
import dev.roster.worker.config.AccountConfig;
import dev.roster.worker.config.CredentialCheck;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.config.ServiceNowConfig;
import dev.roster.worker.config.TemporalConfig;
import dev.roster.worker.metrics.MetricsModule;
import dev.roster.worker.metrics.WaitingGaugesModule;
import dev.roster.worker.temporal.EmbeddedTemporal;
import dev.roster.worker.temporal.TemporalConnection;
import dev.roster.worker.temporal.TemporalModule;
import dev.roster.worker.vendor.Vendors;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code roster dev} and {@code roster demo} run in one JVM: the embedded Temporal server
 * (unless an address is configured), sandbox fakes for accounts without credentials, the worker and
 * the HTTP service.
 */
public final class LocalStack implements AutoCloseable {
  private final List<AutoCloseable> parts = new ArrayList<>();
  private EmbeddedTemporal embedded;
  private TemporalConnection connection;
  private Sandboxes sandboxes;
  private RosterWorker worker;
  private HttpService http;
  private List<VendorAccount> accounts;
  private Optional<ServiceNowSetup> servicenow = Optional.empty();
  private Secret webhookKey;
  private ImportSetup imports;
  private SubjectKeys.Local subjects;
  private LocalPayloadKeys keys;

  /** Options the commands may change. */
  public record Options(Integer temporalPort, Integer httpPort, Duration sandboxAcceptAfter) {}

  public static LocalStack start(
      RosterConfig config, Map<String, String> env, Options options, PrintStream out) {
    LocalStack stack = new LocalStack();
    try {
      stack.boot(config, env, options, out);
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void boot(
      RosterConfig config, Map<String, String> env, Options options, PrintStream out) {
    TemporalConfig temporal = config.temporal();
    if (options.temporalPort() != null) {
      temporal = temporal.withEmbeddedPort(options.temporalPort());
    }
    subjects = SubjectKeys.forLocal(config, env, temporal.embedded());
    keys = LocalPayloadKeys.settle(temporal, env);
    if (temporal.embedded()) {
      embedded = EmbeddedTemporal.start(temporal.embeddedPort(), temporal.namespace());
      parts.add(embedded);
    }

    sandboxes = Assembly.instance(Assembly.of(SandboxVendors.modules()), Sandboxes.class);
    parts.add(sandboxes);
    Set<String> noCredentials = CredentialCheck.accountsWithoutCredentials(config, env);
    List<VendorAccount> settled = new ArrayList<>();
    for (AccountConfig account : config.accounts().values()) {
      if (account.sandbox() || noCredentials.contains(account.id())) {
        settled.add(sandboxes.start(account, options.sandboxAcceptAfter()));
      } else {
        Optional<Secret> credential = account.credentials().resolve(env);
        settled.add(new VendorAccount(account, account.baseUrl(), credential.orElseThrow(), false));
      }
    }
    accounts = List.copyOf(settled);
    ServiceNowConfig sn = config.servicenow();
    if (sn.enabled()) {
      servicenow =
          sn.sandbox() || !servicenowCredentialsResolve(sn, env)
              ? Optional.of(sandboxes.startServiceNow(sn))
              : ServiceNowSetup.fromConfig(sn, env);
    }
    if (sandboxes.servicenow() != null) {
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      webhookKey = new Secret(Base64.getEncoder().encodeToString(key));
    }
    imports = ImportSetup.forLocal(config.imports(), Path.of(""));
    int httpPort = options.httpPort() != null ? options.httpPort() : config.http().port();

    Injector injector = Assembly.of(modules(config, env, temporal, httpPort));
    PrometheusMeterRegistry metrics = Assembly.instance(injector, PrometheusMeterRegistry.class);
    parts.add(() -> Metrics.removeRegistry(metrics));
    connection = Assembly.instance(injector, TemporalConnection.class);
    parts.add(connection);
    worker = Assembly.instance(injector, RosterWorker.class).start();
    parts.add(worker);
    PollMode.startPoller(config, connection.client());
    parts.add(HttpModule.callers(injector));
    http = Assembly.instance(injector, HttpService.class);
    parts.add(http);
    banner(out, temporal);
  }

  /**
   * What dev and demo install: the worker's modules and the HTTP service's, with the accounts as
   * settled here (real or on a sandbox) and the ServiceNow instance (real or sandbox).
   */
  private List<Module> modules(
      RosterConfig config, Map<String, String> env, TemporalConfig temporal, int httpPort) {
    List<Module> modules = new ArrayList<>();
    modules.add(new ConfigModule(config, env));
    modules.add(new MetricsModule());
    modules.add(new TemporalModule(temporal, env, keys.ring()));
    modules.add(new WorkerModule());
    modules.addAll(Vendors.modules());
    modules.add(SubjectKeyModule.of(subjects.hasher()));
    modules.add(
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(new TypeLiteral<List<VendorAccount>>() {}).toInstance(accounts);
            bind(ImportSetup.class).toInstance(imports);
          }
        });
    servicenow.map(ServiceNowModule::new).ifPresent(modules::add);
    if (servicenow.isPresent() && PollModeModule.wanted(config)) {
      modules.add(new PollModeModule());
    }
    modules.add(new HttpModule(config, httpPort, Optional.ofNullable(webhookKey)));
    modules.add(new PollersReady());
    modules.add(new WaitingGaugesModule());
    return modules;
  }

  private static boolean servicenowCredentialsResolve(
      ServiceNowConfig sn, Map<String, String> env) {
    return sn.user() != null
        ? sn.password() != null && sn.password().resolve(env).isPresent()
        : sn.clientSecret() != null && sn.clientSecret().resolve(env).isPresent();
  }

  private void banner(PrintStream out, TemporalConfig temporal) {
    out.println(
        "Temporal:  "
            + (embedded != null
                ? "embedded test server on " + embedded.target() + " (in memory, real time)"
                : connection.target() + " namespace " + temporal.namespace()));
    out.println("Payloads:  " + keys.describe());
    out.println("HTTP:      " + http.describe("127.0.0.1"));
    servicenow.ifPresent(
        setup ->
            out.println(
                "ServiceNow: "
                    + (sandboxes.servicenow() != null ? "SANDBOX " : "")
                    + setup.instanceUrl()));
    out.println("Imports:   " + imports.describe());
    if (subjects.ephemeral().isPresent()) {
      out.println("Subjects:  ephemeral subject key (new ids on each start; no subjectKey set)");
    }
    for (VendorAccount a : accounts) {
      out.println(
          "Account:   "
              + a.id()
              + " ("
              + a.config().type().yamlName()
              + ") -> "
              + (a.sandbox() ? "SANDBOX " + a.baseUrl() : a.baseUrl()));
    }
  }

  public TemporalConnection connection() {
    return connection;
  }

  /** The ephemeral payload key (base64) when no ring is configured, for the dev record. */
  public Optional<Secret> ephemeralPayloadKey() {
    return keys.ephemeral();
  }

  /** The HMAC key the sandbox ServiceNow signs webhooks with; null without one. */
  public Secret webhookKey() {
    return webhookKey;
  }

  /** The port the HTTP service listens on. */
  public int httpPort() {
    return http.port();
  }

  /** The subject hashes this stack's worker computes, and the generated key behind them. */
  public SubjectKeys.Local subjects() {
    return subjects;
  }

  public Sandboxes sandboxes() {
    return sandboxes;
  }

  public List<VendorAccount> accounts() {
    return accounts;
  }

  @Override
  public void close() {
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Exception e) {
        // Best effort on the way out.
      }
    }
    parts.clear();
  }
}
