package dev.roster.starter.local.sandbox;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.Secret;
import dev.roster.worker.config.AccountConfig;
import java.net.URI;
import java.time.Duration;

/**
 * Starts the sandbox fake of one account of a vendor type ({@code dev} and {@code demo} only); a
 * vendor's sandbox module binds one.
 */
@FunctionalInterface
public interface SandboxFactory {

  /**
   * A fake on a free port, limited by the account's rate budgets, that accepts invitations after
   * {@code acceptAfter}.
   */
  Started start(AccountConfig account, Duration acceptAfter);

  /**
   * A running fake and how to reach it.
   *
   * @param fake the fake (closed with the sandboxes)
   * @param baseUrl where the connector talks to it
   * @param credential the credential in the vendor's shape
   */
  record Started(AutoCloseable fake, URI baseUrl, Secret credential) {
    public Started {
      requireNonNull(fake, "fake is null");
      requireNonNull(baseUrl, "baseUrl is null");
      requireNonNull(credential, "credential is null");
    }
  }
}
