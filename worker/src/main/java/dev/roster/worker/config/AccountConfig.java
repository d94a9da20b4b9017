package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One vendor account (a company may have two Brevo accounts). {@code credentials} may be null:
 * deployed roles then refuse to start, dev/demo put the account on a sandbox. {@code rateBudgets}
 * has one entry per endpoint family of the type, in the type's order.
 */
public record AccountConfig(
    String id,
    VendorType type,
    URI baseUrl,
    SecretRef credentials,
    boolean sandbox,
    Map<String, RateBudgetConfig> rateBudgets,
    InvitationConfig invitations) {
  public AccountConfig {
    requireNonNull(id, "id is null");
    requireNonNull(type, "type is null");
    requireNonNull(baseUrl, "baseUrl is null");
    rateBudgets =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(requireNonNull(rateBudgets, "rateBudgets is null")));
    requireNonNull(invitations, "invitations is null");
  }
}
