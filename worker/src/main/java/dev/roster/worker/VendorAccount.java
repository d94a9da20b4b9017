package dev.roster.worker;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.Secret;
import dev.roster.worker.config.AccountConfig;
import dev.roster.worker.config.RateBudgetConfig;
import java.net.URI;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * A configured vendor account with its endpoint and credential settled: the real vendor with the
 * configured credential, or (in {@code dev}/{@code demo} only) a sandbox fake.
 *
 * @param config as configured
 * @param baseUrl where its API lives now
 * @param credential the credential to send (never printed)
 * @param sandbox true when {@code baseUrl} is a sandbox fake
 */
public record VendorAccount(AccountConfig config, URI baseUrl, Secret credential, boolean sandbox) {
  public VendorAccount {
    requireNonNull(config, "config is null");
    requireNonNull(baseUrl, "baseUrl is null");
    requireNonNull(credential, "credential is null");
  }

  public String id() {
    return config.id();
  }

  /** The base URL for OkHttp. */
  public HttpUrl url() {
    return HttpUrl.get(baseUrl.toString());
  }

  /**
   * The credential's parts as its vendor type shapes it: the credential itself, or both halves of a
   * {@code left:right} pair.
   *
   * @throws dev.roster.worker.config.ConfigException naming the key when a pair is malformed
   */
  public List<Secret> credentialParts() {
    return config.type().credentials().parts(id(), config.type().yamlName(), credential);
  }

  /** The HTTP layer's limiter for one endpoint family of this account. */
  public RateBudget budget(String family) {
    RateBudgetConfig budget = config.rateBudgets().get(family);
    return RateBudget.of(
        config.type().yamlName(),
        id() + "/" + family,
        RateBudget.Limit.vendorLimit(budget.requests(), budget.per()));
  }
}
