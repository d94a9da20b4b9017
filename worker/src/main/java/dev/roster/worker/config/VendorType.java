package dev.roster.worker.config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of vendor Roster can drive, each with its default base URL and its endpoint families
 * (one activity task queue and one rate budget per family). Budgets come from
 * shared/reference/vendors.md.
 */
public enum VendorType {
  /**
   * developers.brevo.com/docs/api-limits: /v3/contacts/* 10 RPS (20 on higher plans); every other
   * endpoint, /organization/* included, 100 per hour (200 on Enterprise).
   */
  BREVO(
      "https://api.brevo.com/v3",
      budgets(
          "organization",
          new RateBudgetConfig(100, Duration.ofHours(1)),
          "contacts",
          new RateBudgetConfig(10, Duration.ofSeconds(1)))),

  /**
   * ⚠ The unit is disputed: dev.mailjet.com's rate-limits page says calls "per API key per second",
   * its status-code page says "per minute". We follow the rate-limits page; Mailjet sends no
   * rate-limit headers, so if 429s show up the per-minute reading is the real one and operators
   * should set {@code rateBudgets.api: {requests: 3, per: 1m}} or similar.
   */
  MAILJET(
      "https://api.mailjet.com", budgets("api", new RateBudgetConfig(3, Duration.ofSeconds(1)))),

  /** mailersend.com/help/rate-limits: 60 requests/min on every endpoint except /v1/email. */
  MAILERSEND(
      "https://api.mailersend.com/v1",
      budgets("api", new RateBudgetConfig(60, Duration.ofMinutes(1)))),

  /**
   * Self-hosted, so there is no default base URL. listmonk implements no rate limit at all; this
   * budget protects the instance (and its PostgreSQL) from Roster.
   */
  LISTMONK(null, budgets("api", new RateBudgetConfig(20, Duration.ofSeconds(1))));

  private final URI defaultBaseUrl;
  private final Map<String, RateBudgetConfig> defaultBudgets;

  VendorType(String defaultBaseUrl, Map<String, RateBudgetConfig> defaultBudgets) {
    this.defaultBaseUrl = defaultBaseUrl == null ? null : URI.create(defaultBaseUrl);
    this.defaultBudgets = defaultBudgets;
  }

  /** The name used in YAML, e.g. {@code brevo}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The vendor's public API base URL; empty for self-hosted vendors (listmonk). */
  public Optional<URI> defaultBaseUrl() {
    return Optional.ofNullable(defaultBaseUrl);
  }

  /** Endpoint family names, in a stable order, e.g. {@code [organization, contacts]}. */
  public List<String> families() {
    return List.copyOf(defaultBudgets.keySet());
  }

  /** The default budget of every endpoint family, in {@link #families()} order. */
  public Map<String, RateBudgetConfig> defaultBudgets() {
    return defaultBudgets;
  }

  /** The type with this YAML name (lower case), if any. */
  public static Optional<VendorType> fromYamlName(String name) {
    return Arrays.stream(values()).filter(t -> t.yamlName().equals(name)).findFirst();
  }

  /** {@code brevo, mailjet, mailersend, listmonk}: for error messages. */
  public static String yamlNames() {
    return Arrays.stream(values()).map(VendorType::yamlName).collect(Collectors.joining(", "));
  }

  private static Map<String, RateBudgetConfig> budgets(Object... familyThenBudget) {
    Map<String, RateBudgetConfig> budgets = new LinkedHashMap<>();
    for (int i = 0; i < familyThenBudget.length; i += 2) {
      budgets.put((String) familyThenBudget[i], (RateBudgetConfig) familyThenBudget[i + 1]);
    }
    return Collections.unmodifiableMap(budgets);
  }
}
