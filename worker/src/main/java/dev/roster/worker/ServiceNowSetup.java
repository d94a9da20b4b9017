package dev.roster.worker;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.control.TicketSettings;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.VendorHttp;
import dev.roster.activities.servicenow.ServiceNowAuth;
import dev.roster.activities.servicenow.ServiceNowClient;
import dev.roster.worker.config.ConfigException;
import dev.roster.worker.config.RateBudgetConfig;
import dev.roster.worker.config.SecretRef;
import dev.roster.worker.config.ServiceNowConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * ServiceNow as the worker uses it: the instance (real, or a sandbox in dev/demo), credentials and
 * budget settled.
 *
 * @param instanceUrl the instance's root URL
 * @param auth Basic or OAuth client credentials
 * @param budget the write-back's request budget
 * @param tasksAsTickets mirror manual tasks as sc_tasks
 * @param taskPollInterval how often mirrored tasks are checked
 */
public record ServiceNowSetup(
    URI instanceUrl,
    ServiceNowAuth auth,
    RateBudgetConfig budget,
    boolean tasksAsTickets,
    Duration taskPollInterval) {
  public ServiceNowSetup {
    requireNonNull(instanceUrl, "instanceUrl is null");
    requireNonNull(auth, "auth is null");
    requireNonNull(budget, "budget is null");
  }

  /**
   * The configured instance with its credentials resolved; empty when ServiceNow is not configured.
   *
   * @throws ConfigException naming the key when a credential does not resolve
   */
  public static Optional<ServiceNowSetup> fromConfig(
      ServiceNowConfig config, Map<String, String> env) {
    if (!config.enabled()) {
      return Optional.empty();
    }
    ServiceNowAuth auth;
    if (config.user() != null) {
      auth = new ServiceNowAuth.Basic(config.user(), resolve(config.password(), "password", env));
    } else {
      auth =
          new ServiceNowAuth.ClientCredentials(
              config.clientId(), resolve(config.clientSecret(), "clientSecret", env));
    }
    return Optional.of(
        new ServiceNowSetup(
            config.instanceUrl(),
            auth,
            config.rateBudget(),
            config.manualTasksAsTickets(),
            config.pollInterval()));
  }

  private static Secret resolve(SecretRef ref, String key, Map<String, String> env) {
    if (ref == null) {
      throw new ConfigException("servicenow", "servicenow." + key + ": required");
    }
    return ref.resolve(env)
        .orElseThrow(
            () -> new ConfigException("servicenow", "servicenow." + key + ": " + ref.absence()));
  }

  /** A new client of the instance: build one per process, so every caller shares its budget. */
  public ServiceNowClient client() {
    return new ServiceNowClient(
        HttpUrl.get(instanceUrl.toString()),
        auth,
        RateBudget.of(
            "servicenow",
            "servicenow",
            RateBudget.Limit.vendorLimit(budget.requests(), budget.per())),
        VendorHttp.newClient("servicenow", ServiceNowClient.REQUEST_ID_HEADERS));
  }

  /** Ticket write-back on, with manual tasks mirrored as the configuration says. */
  public TicketSettings tickets() {
    return new TicketSettings(true, tasksAsTickets, taskPollInterval);
  }

  /** Requests per second the budget allows. */
  public double rate() {
    return budget.requests() / (budget.per().toMillis() / 1000.0);
  }
}
