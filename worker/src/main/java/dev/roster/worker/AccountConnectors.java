package dev.roster.worker;

import com.google.inject.Inject;
import dev.roster.activities.spi.BulkImportConnector;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.worker.config.AccountConfig;
import dev.roster.worker.config.InvitationConfig;
import dev.roster.worker.config.RateBudgetConfig;
import dev.roster.worker.vendor.ConnectorFactory;
import dev.roster.worker.vendor.VendorConnectors;
import dev.roster.workflows.account.AccountInfo;
import dev.roster.workflows.account.InvitationPolicy;
import dev.roster.workflows.conventions.TaskQueues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connectors of every account this worker serves, each built by its vendor type's {@link
 * ConnectorFactory}, with what the activities route by: connectors by account, account info for the
 * workflows, and the account queues with their budgets.
 */
public final class AccountConnectors {
  private final Map<String, TeamConnector> teams = new LinkedHashMap<>();
  private final Map<String, ContactConnector> contacts = new LinkedHashMap<>();
  private final Map<String, BulkImportConnector> bulk = new LinkedHashMap<>();
  private final Map<String, String> vendors = new LinkedHashMap<>();
  private final Map<String, AccountInfo> infos = new LinkedHashMap<>();
  private final Map<String, Double> queueRates = new LinkedHashMap<>();

  @Inject
  public AccountConnectors(
      List<VendorAccount> accounts,
      Map<String, ConnectorFactory> factories,
      BulkImportDecorator decorator) {
    for (VendorAccount account : accounts) {
      AccountConfig config = account.config();
      ConnectorFactory factory = factories.get(config.type().yamlName());
      if (factory == null) {
        throw new IllegalStateException(
            "no vendor module binds a connector for " + config.type().yamlName());
      }
      VendorConnectors built = factory.connect(account);
      built.team().ifPresent(t -> teams.put(account.id(), t));
      built.contacts().ifPresent(c -> contacts.put(account.id(), c));
      built.bulk().ifPresent(b -> bulk.put(account.id(), decorator.decorate(account.id(), b)));
      vendors.put(account.id(), config.type().yamlName());
      AccountInfo info = info(config, built);
      infos.put(account.id(), info);
      queueRates.put(info.teamTaskQueue(), rate(config, built.teamFamily()));
      queueRates.put(info.contactsTaskQueue(), rate(config, built.contactsFamily()));
    }
  }

  public Map<String, TeamConnector> teams() {
    return Collections.unmodifiableMap(teams);
  }

  public Map<String, ContactConnector> contacts() {
    return Collections.unmodifiableMap(contacts);
  }

  public Map<String, BulkImportConnector> bulk() {
    return Collections.unmodifiableMap(bulk);
  }

  /** The vendor type's YAML name by account. */
  public Map<String, String> vendors() {
    return Collections.unmodifiableMap(vendors);
  }

  public Map<String, AccountInfo> infos() {
    return Collections.unmodifiableMap(infos);
  }

  /** Every account queue with its requests per second, in account order. */
  public Map<String, Double> queueRates() {
    return Collections.unmodifiableMap(queueRates);
  }

  private static AccountInfo info(AccountConfig config, VendorConnectors built) {
    InvitationConfig inv = config.invitations();
    return new AccountInfo(
        config.id(),
        config.type().yamlName(),
        built.capabilities(),
        TaskQueues.activityQueue(config.id(), built.teamFamily()),
        TaskQueues.activityQueue(config.id(), built.contactsFamily()),
        new InvitationPolicy(inv.pollInterval(), inv.resendAfter(), inv.expireAfter()));
  }

  /** Requests per second allowed by the family's budget. */
  private static double rate(AccountConfig config, String family) {
    RateBudgetConfig budget = config.rateBudgets().get(family);
    return budget.requests() / (budget.per().toMillis() / 1000.0);
  }
}
