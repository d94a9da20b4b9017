package dev.roster.worker.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * ServiceNow: where tickets come from and where their outcome is written. Absent ({@link
 * #enabled()} false) when the configuration has no {@code servicenow} section.
 *
 * @param instanceUrl e.g. {@code https://example.service-now.com}; null when disabled
 * @param sandbox dev/demo only: use the sandbox fake instance
 * @param user Basic-auth user, or null when OAuth client credentials are used
 * @param password Basic-auth password reference
 * @param clientId OAuth client id, or null
 * @param clientSecret OAuth client secret reference
 * @param rateBudget requests the write-back may make to the instance
 * @param webhookSecrets base64 HMAC keys for signed webhooks, the current one first; a second one
 *     is accepted too while the secret rotates. Empty when not configured.
 * @param webhookUser Basic-auth user for webhooks (instead of HMAC), or null
 * @param webhookPassword its password reference
 * @param webhookTolerance how old (or new) a signed timestamp may be
 * @param webhookMaxBody largest webhook body accepted, bytes
 * @param mode {@code webhook} (ServiceNow calls Roster) or {@code poll} (Roster polls tables)
 * @param pollInterval time between two polls in poll mode
 * @param preApproved start requests already approved in ServiceNow as approved
 * @param manualTasksAsTickets open an sc_task for each manual task and complete it when closed
 * @param variables catalog variable names by Roster field (overrides of the defaults)
 */
public record ServiceNowConfig(
    URI instanceUrl,
    boolean sandbox,
    String user,
    SecretRef password,
    String clientId,
    SecretRef clientSecret,
    RateBudgetConfig rateBudget,
    List<SecretRef> webhookSecrets,
    String webhookUser,
    SecretRef webhookPassword,
    Duration webhookTolerance,
    int webhookMaxBody,
    String mode,
    Duration pollInterval,
    boolean preApproved,
    boolean manualTasksAsTickets,
    Map<String, String> variables) {

  public static final ServiceNowConfig DISABLED =
      new ServiceNowConfig(
          null,
          false,
          null,
          null,
          null,
          null,
          new RateBudgetConfig(10, Duration.ofSeconds(1)),
          List.of(),
          null,
          null,
          Duration.ofMinutes(5),
          64 * 1024,
          "webhook",
          Duration.ofMinutes(1),
          false,
          false,
          Map.of());

  public ServiceNowConfig {
    webhookSecrets = webhookSecrets == null ? List.of() : List.copyOf(webhookSecrets);
  }

  public boolean enabled() {
    return instanceUrl != null || sandbox;
  }

  public boolean pollMode() {
    return "poll".equals(mode);
  }
}
