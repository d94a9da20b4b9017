package dev.roster.starter.local;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.activities.http.Secret;
import dev.roster.starter.http.HttpService;
import dev.roster.starter.http.WebhookSetup;
import dev.roster.starter.servicenow.PollMode;
import dev.roster.worker.ImportSetup;
import dev.roster.worker.RosterWorker;
import dev.roster.worker.ServiceNowSetup;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.config.AccountConfig;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.config.ServiceNowConfig;
import dev.roster.worker.config.TemporalConfig;
import dev.roster.worker.temporal.EmbeddedTemporal;
import dev.roster.worker.temporal.TemporalConnection;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
  private ServiceNowSetup servicenow;
  private Secret webhookKey;
  private ImportSetup imports;

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
      temporal =
          new TemporalConfig(
              temporal.address(),
              temporal.namespace(),
              options.temporalPort(),
              temporal.tls(),
              temporal.apiKey());
    }
    if (temporal.embedded()) {
      embedded = EmbeddedTemporal.start(temporal.embeddedPort(), temporal.namespace());
      parts.add(embedded);
    }
    connection = TemporalConnection.open(temporal, env);
    parts.add(connection);

    sandboxes = new Sandboxes();
    parts.add(sandboxes);
    Set<String> noCredentials =
        dev.roster.worker.config.CredentialCheck.accountsWithoutCredentials(config, env);
    accounts = new ArrayList<>();
    for (AccountConfig account : config.accounts().values()) {
      if (account.sandbox() || noCredentials.contains(account.id())) {
        accounts.add(sandboxes.start(account, options.sandboxAcceptAfter()));
      } else {
        Optional<Secret> credential = account.credentials().resolve(env);
        accounts.add(
            new VendorAccount(account, account.baseUrl(), credential.orElseThrow(), false));
      }
    }
    SubjectHasher subjects = SubjectKeys.orDev(config, env);
    ServiceNowConfig sn = config.servicenow();
    if (sn.enabled()) {
      servicenow =
          sn.sandbox() || !servicenowCredentialsResolve(sn, env)
              ? sandboxes.startServiceNow(sn)
              : ServiceNowSetup.fromConfig(sn, env);
    }
    servicenow = PollMode.withIntake(servicenow, config, connection.client(), subjects);
    imports = ImportSetup.forLocal(config.imports(), Path.of(""));
    worker =
        RosterWorker.start(
            connection.client(), accounts, config.approvals(), subjects, servicenow, imports);
    PollMode.startPoller(config, connection.client());
    parts.add(worker);
    int httpPort = options.httpPort() != null ? options.httpPort() : config.http().port();
    if (sandboxes.servicenow() != null) {
      byte[] key = new byte[32];
      new java.security.SecureRandom().nextBytes(key);
      webhookKey = new Secret(java.util.Base64.getEncoder().encodeToString(key));
    }
    // The HTTP service has a connection of its own: its callers wait on each call, so it gives
    // up on Temporal sooner than the worker does.
    TemporalConnection callers =
        TemporalConnection.openForCallers(temporal, env, HttpService.TEMPORAL_PATIENCE);
    parts.add(callers);
    http =
        HttpService.start(
            config.http().bind(),
            httpPort,
            callers.client(),
            WebhookSetup.fromConfig(config, env, callers.client(), subjects, webhookKey));
    parts.add(http);
    banner(out, temporal);
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
    out.println("HTTP:      http://" + "127.0.0.1:" + http.port() + "/healthz");
    if (servicenow != null) {
      out.println(
          "ServiceNow: "
              + (sandboxes.servicenow() != null ? "SANDBOX " : "")
              + servicenow.instanceUrl());
    }
    out.println("Imports:   " + imports.describe());
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

  /** The HMAC key the sandbox ServiceNow signs webhooks with; null without one. */
  public Secret webhookKey() {
    return webhookKey;
  }

  /** The port the HTTP service listens on. */
  public int httpPort() {
    return http.port();
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
