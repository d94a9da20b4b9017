package dev.roster.starter.http;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.activities.http.Secret;
import dev.roster.starter.servicenow.TicketRequests;
import dev.roster.starter.servicenow.WebhookAuthConfig;
import dev.roster.starter.servicenow.WebhookAuthenticator;
import dev.roster.worker.config.ConfigException;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.config.SecretRef;
import dev.roster.worker.config.ServiceNowConfig;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the ServiceNow webhook from configuration. */
public final class WebhookSetup {

  /**
   * The webhook; {@code HttpModule} asks for it only in webhook mode.
   *
   * @param sandboxKey the HMAC key of the sandbox instance (dev/demo), used when no secret is
   *     configured; empty otherwise
   */
  public static ServiceNowWebhook fromConfig(
      RosterConfig config,
      Map<String, String> env,
      WorkflowClient client,
      SubjectHasher subjects,
      Optional<Secret> sandboxKey) {
    ServiceNowConfig sn = config.servicenow();
    if (!sn.enabled() || sn.pollMode()) {
      throw new IllegalStateException("the webhook serves only ServiceNow in webhook mode");
    }
    WebhookAuthConfig auth;
    if (sn.webhookUser() != null) {
      auth =
          WebhookAuthConfig.basic(
              sn.webhookUser(), resolve(sn.webhookPassword(), "webhookPassword", env));
    } else if (!sn.webhookSecrets().isEmpty()
        && sn.webhookSecrets().get(0).resolve(env).isPresent()) {
      List<Secret> keys = new ArrayList<>();
      for (SecretRef ref : sn.webhookSecrets()) {
        keys.add(resolve(ref, ref.keyPath().substring("servicenow.".length()), env));
      }
      auth =
          WebhookAuthConfig.hmac(keys.get(0), keys.subList(1, keys.size()).toArray(Secret[]::new));
    } else if (sandboxKey.isPresent()) {
      auth = WebhookAuthConfig.hmac(sandboxKey.get());
    } else {
      throw new ConfigException(
          "servicenow",
          "servicenow.webhookSecret: required in webhook mode (or webhookUser +"
              + " webhookPassword); "
              + (sn.webhookSecrets().isEmpty()
                  ? "not configured"
                  : sn.webhookSecrets().get(0).absence()));
    }
    auth =
        new WebhookAuthConfig(
            auth.mode(),
            auth.hmacKeys(),
            auth.basicUser(),
            auth.basicPassword(),
            sn.webhookTolerance(),
            sn.webhookMaxBody());
    return new ServiceNowWebhook(
        new WebhookAuthenticator(auth, Clock.systemUTC()),
        TicketRequests.fromConfig(config, client, subjects),
        client,
        sn.preApproved(),
        sn.webhookMaxBody());
  }

  private static Secret resolve(SecretRef ref, String key, Map<String, String> env) {
    if (ref == null) {
      throw new ConfigException("servicenow", "servicenow." + key + ": required");
    }
    return ref.resolve(env)
        .orElseThrow(
            () -> new ConfigException("servicenow", "servicenow." + key + ": " + ref.absence()));
  }

  private WebhookSetup() {}
}
