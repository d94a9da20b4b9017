package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import dev.roster.workflows.account.Capabilities;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kind of vendor Roster can drive, as its vendor module declares it: the name used in YAML, its
 * default base URL, its endpoint families (one activity task queue and one rate budget per family)
 * with their documented budgets, what its connector can do, and the shape of its credential.
 * Configuration learns the known types from the {@link VendorTypes} registry.
 *
 * @param yamlName the name used in YAML, e.g. {@code brevo}
 * @param displayName the vendor's own spelling, e.g. {@code MailerSend} (the README's vendor table)
 * @param defaultBaseUrl the public API base URL; empty for self-hosted vendors (listmonk)
 * @param defaultBudgets the default budget of every endpoint family, in a stable order
 * @param capabilities what its connector can do, for the doors that check a request before it
 *     starts
 * @param credentials what its credential looks like
 */
public record VendorType(
    String yamlName,
    String displayName,
    Optional<URI> defaultBaseUrl,
    Map<String, RateBudgetConfig> defaultBudgets,
    Capabilities capabilities,
    CredentialShape credentials) {
  public VendorType {
    requireNonNull(yamlName, "yamlName is null");
    requireNonNull(displayName, "displayName is null");
    requireNonNull(defaultBaseUrl, "defaultBaseUrl is null");
    defaultBudgets =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(requireNonNull(defaultBudgets, "defaultBudgets is null")));
    requireNonNull(capabilities, "capabilities is null");
    requireNonNull(credentials, "credentials is null");
    if (!yamlName.matches("[a-z][a-z0-9]*")) {
      throw new IllegalArgumentException("yamlName must be lower-case letters and digits");
    }
    if (defaultBudgets.isEmpty()) {
      throw new IllegalArgumentException(yamlName + " declares no endpoint family");
    }
  }

  /** Endpoint family names, in a stable order, e.g. {@code [organization, contacts]}. */
  public List<String> families() {
    return List.copyOf(defaultBudgets.keySet());
  }

  /** Starts the declaration of a vendor type named {@code yamlName} in YAML. */
  public static Builder builder(String yamlName, String displayName) {
    return new Builder(yamlName, displayName);
  }

  /** Fluent declaration; base URL, at least one family, capabilities and credentials needed. */
  public static final class Builder {
    private final String yamlName;
    private final String displayName;
    private Optional<URI> baseUrl = Optional.empty();
    private final Map<String, RateBudgetConfig> budgets = new LinkedHashMap<>();
    private Capabilities capabilities;
    private CredentialShape credentials;

    private Builder(String yamlName, String displayName) {
      this.yamlName = yamlName;
      this.displayName = displayName;
    }

    /** The vendor's public API, used when an account gives no {@code baseUrl}. */
    public Builder defaultBaseUrl(String url) {
      this.baseUrl = Optional.of(URI.create(url));
      return this;
    }

    /** Self-hosted: every account must give its {@code baseUrl}. */
    public Builder selfHosted() {
      this.baseUrl = Optional.empty();
      return this;
    }

    /** An endpoint family and its documented budget, in the order they are listed. */
    public Builder family(String name, int requests, Duration per) {
      budgets.put(name, new RateBudgetConfig(requests, per));
      return this;
    }

    public Builder capabilities(Capabilities capabilities) {
      this.capabilities = capabilities;
      return this;
    }

    public Builder credentials(CredentialShape credentials) {
      this.credentials = credentials;
      return this;
    }

    public VendorType build() {
      return new VendorType(yamlName, displayName, baseUrl, budgets, capabilities, credentials);
    }
  }
}
