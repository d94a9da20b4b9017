package dev.roster.starter;

import dev.roster.worker.config.AccountConfig;
import dev.roster.worker.config.RosterConfig;
import dev.roster.workflows.account.Capabilities;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vendor accounts a request may name, with what each can do: what the starters check a request
 * against before it starts (an unknown account, a list on an account whose vendor has none).
 */
public final class ConfiguredAccounts {

  /** One account: its vendor's name and capabilities (both null when unknown). */
  private record Account(String vendor, Capabilities capabilities) {}

  private final Map<String, Account> accounts;
  private final List<String> ids;

  private ConfiguredAccounts(Map<String, Account> accounts) {
    this.accounts = Map.copyOf(accounts);
    this.ids = List.copyOf(accounts.keySet());
  }

  /** The accounts of a configuration, with their vendors' declared capabilities. */
  public static ConfiguredAccounts of(RosterConfig config) {
    Map<String, Account> out = new LinkedHashMap<>();
    for (AccountConfig a : config.accounts().values()) {
      out.put(a.id(), new Account(a.type().yamlName(), a.type().capabilities()));
    }
    return new ConfiguredAccounts(out);
  }

  /**
   * Accounts known by id only: whether an account has lists is then left to the workflow (for
   * callers that hold no configuration, e.g. benchmarks).
   */
  public static ConfiguredAccounts idsOnly(Collection<String> ids) {
    Map<String, Account> out = new LinkedHashMap<>();
    ids.forEach(id -> out.put(id, new Account(null, null)));
    return new ConfiguredAccounts(out);
  }

  /** Account ids in configuration order. */
  public List<String> ids() {
    return ids;
  }

  public boolean contains(String id) {
    return accounts.containsKey(id);
  }

  /**
   * Problems with naming {@code account} with {@code lists} at {@code field} (e.g. {@code
   * assignments[0]}): an unknown account (naming the configured ones), or lists on an account whose
   * vendor has none. The form of list ids is the request's own check.
   */
  public List<String> problems(String field, String account, List<String> lists) {
    List<String> problems = new ArrayList<>();
    if (account == null || account.isBlank()) {
      return problems; // the request's own checks report it
    }
    Account a = accounts.get(account);
    if (a == null) {
      problems.add(
          field
              + ".account: unknown vendor account '"
              + account
              + "' (configured: "
              + String.join(", ", ids)
              + ")");
    } else if (a.capabilities() != null
        && !a.capabilities().lists()
        && lists != null
        && !lists.isEmpty()) {
      problems.add(
          field
              + ".lists: "
              + account
              + " is a "
              + a.vendor()
              + " account, and "
              + a.vendor()
              + " has no lists (give no list for it)");
    }
    return problems;
  }
}
