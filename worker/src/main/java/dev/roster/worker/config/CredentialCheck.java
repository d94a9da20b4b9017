package dev.roster.worker.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which vendor accounts cannot reach their vendor for lack of credentials. Deployed roles ({@code
 * roster worker}, {@code roster serve}) treat any finding as a start-up error; {@code dev} and
 * {@code demo} use it to decide which accounts go to a sandbox. Sandbox accounts are skipped.
 */
public final class CredentialCheck {
  private CredentialCheck() {}

  /**
   * One message per non-sandbox account whose credentials are absent or do not resolve, naming the
   * key path. Reads env and files; never includes a secret value. Idempotent.
   */
  public static List<String> missingCredentials(RosterConfig config, Map<String, String> env) {
    List<String> messages = new ArrayList<>();
    for (AccountConfig account : config.accounts().values()) {
      problem(account, env).ifPresent(messages::add);
    }
    return messages;
  }

  /** Ids of the non-sandbox accounts that {@link #missingCredentials} reports, in file order. */
  public static Set<String> accountsWithoutCredentials(
      RosterConfig config, Map<String, String> env) {
    Set<String> ids = new LinkedHashSet<>();
    for (AccountConfig account : config.accounts().values()) {
      if (problem(account, env).isPresent()) {
        ids.add(account.id());
      }
    }
    return ids;
  }

  private static Optional<String> problem(AccountConfig account, Map<String, String> env) {
    if (account.sandbox()) {
      return Optional.empty();
    }
    String key = "accounts." + account.id() + ".credentials";
    if (account.credentials() == null) {
      return Optional.of(key + ": not configured (give {env: NAME} or {file: PATH})");
    }
    return account.credentials().problem(env).map(p -> p.startsWith(key) ? p : key + ": " + p);
  }
}
