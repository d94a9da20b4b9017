package dev.roster.activities;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.spi.ContactConnector;
import dev.roster.workflows.contacts.ContactActivities;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.contacts.ContactFootprint;
import dev.roster.workflows.contacts.ContactOutcome;
import dev.roster.workflows.contacts.EraseOutcome;
import java.util.List;
import java.util.Map;

/** Contact activities for every configured account, routed by account id. Thread-safe. */
public final class ContactActivitiesImpl implements ContactActivities {
  private final ConnectorRouting<ContactConnector> routing;

  /**
   * @param byAccount contact connector per account id, e.g. {@code brevo-main}
   */
  public ContactActivitiesImpl(Map<String, ContactConnector> byAccount) {
    this.routing = new ConnectorRouting<>(requireNonNull(byAccount, "byAccount is null"));
  }

  @Override
  public ContactOutcome upsertContact(String account, ContactData contact) {
    String email = contact == null ? null : contact.email();
    return routing.call(account, "upsertContact", email, c -> c.upsert(contact));
  }

  @Override
  public void subscribe(String account, String email, List<String> listIds) {
    List<String> lists = listIds == null ? List.of() : listIds;
    routing.run(account, "subscribe", email, c -> c.subscribe(email, lists));
  }

  @Override
  public ContactFootprint findContact(String account, String email) {
    return routing.call(account, "findContact", email, c -> c.findContact(email));
  }

  @Override
  public int unsubscribe(String account, String email, List<String> listIds) {
    return routing.call(account, "unsubscribe", email, c -> c.unsubscribe(email, listIds));
  }

  @Override
  public int unsubscribeAll(String account, String email) {
    return routing.call(account, "unsubscribeAll", email, c -> c.unsubscribeAll(email));
  }

  @Override
  public boolean suppress(String account, String email) {
    return routing.call(account, "suppress", email, c -> c.suppress(email));
  }

  @Override
  public EraseOutcome erase(String account, String email) {
    return routing.call(account, "erase", email, c -> c.erase(email));
  }
}
