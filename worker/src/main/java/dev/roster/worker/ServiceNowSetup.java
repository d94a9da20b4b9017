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
 * @param intakeActivities poll mode's intake activities, or null (webhook mode)
 */
public record ServiceNowSetup(
    URI instanceUrl,
    ServiceNowAuth auth,
    RateBudgetConfig budget,
    boolean tasksAsTickets,
    Duration taskPollInterval,
    Object intakeActivities) {
  public ServiceNowSetup {
    requireNonNull(instanceUrl, "instanceUrl is null");
    requireNonNull(auth, "auth is null");
    requireNonNull(budget, "budget is null");
  }

  /**
   * The configured instance with its credentials resolved; null when ServiceNow is not configured.
   *
   * @throws ConfigException naming the key when a credential does not resolve
   */
  public static ServiceNowSetup fromConfig(ServiceNowConfig config, Map<String, String> env) {
    if (!config.enabled()) {
      return null;
    }
    ServiceNowAuth auth;
    if (config.user() != null) {
      auth = new ServiceNowAuth.Basic(config.user(), resolve(config.password(), "password", env));
    } else {
      auth =
          new ServiceNowAuth.ClientCredentials(
              config.clientId(), resolve(config.clientSecret(), "clientSecret", env));
    }
    return new ServiceNowSetup(
        config.instanceUrl(),
        auth,
        config.rateBudget(),
        config.manualTasksAsTickets(),
        config.pollInterval(),
        null);
  }

  /**
   * The same setup with poll mode's intake activities, which the starter builds (it is what starts
   * requests), registered on the ServiceNow queue.
   */
  public ServiceNowSetup withIntake(Object activities) {
    return new ServiceNowSetup(
        instanceUrl, auth, budget, tasksAsTickets, taskPollInterval, activities);
  }

  java.util.Optional<Object> intake() {
    return java.util.Optional.ofNullable(intakeActivities);
  }

  private static Secret resolve(SecretRef ref, String key, Map<String, String> env) {
    if (ref == null) {
      throw new ConfigException("servicenow", "servicenow." + key + ": required");
    }
    return ref.resolve(env)
        .orElseThrow(
            () -> new ConfigException("servicenow", "servicenow." + key + ": " + ref.absence()));
  }

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

  TicketSettings tickets() {
    return new TicketSettings(true, tasksAsTickets, taskPollInterval);
  }

  /** Requests per second the budget allows. */
  double rate() {
    return budget.requests() / (budget.per().toMillis() / 1000.0);
  }
}
