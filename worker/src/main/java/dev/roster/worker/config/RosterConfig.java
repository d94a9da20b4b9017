package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole of Roster's configuration, as loaded by {@link ConfigLoader}: immutable, defaults
 * filled in, validated. {@code accounts} keeps the order of the file.
 */
public record RosterConfig(
    TemporalConfig temporal,
    HttpConfig http,
    SecretRef subjectKey,
    Map<String, AccountConfig> accounts,
    ApprovalConfig approvals,
    ImportsConfig imports,
    WorkerConfig worker,
    ServiceNowConfig servicenow) {
  public RosterConfig {
    requireNonNull(temporal, "temporal is null");
    requireNonNull(http, "http is null");
    requireNonNull(subjectKey, "subjectKey is null");
    accounts =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(requireNonNull(accounts, "accounts is null")));
    requireNonNull(approvals, "approvals is null");
    imports = imports == null ? ImportsConfig.DEFAULTS : imports;
    worker = worker == null ? WorkerConfig.DEFAULTS : worker;
    servicenow = servicenow == null ? ServiceNowConfig.DISABLED : servicenow;
  }

  /**
   * One message per non-sandbox account whose credentials are not configured or do not resolve,
   * naming the key path, e.g. {@code accounts.brevo-main.credentials: environment variable
   * BREVO_API_KEY is not set}. Deployed roles treat any as a start-up error.
   */
  public List<String> missingCredentials(Map<String, String> env) {
    return CredentialCheck.missingCredentials(this, env);
  }
}
