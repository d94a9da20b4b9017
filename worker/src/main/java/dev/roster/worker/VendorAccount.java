package dev.roster.worker;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.Secret;
import dev.roster.worker.config.AccountConfig;
import java.net.URI;

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
}
