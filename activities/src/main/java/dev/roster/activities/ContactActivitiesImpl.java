package dev.roster.activities;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.spi.ContactConnector;
import dev.roster.workflows.contacts.ContactActivities;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.contacts.ContactOutcome;
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
    routing.call(
        account,
        "subscribe",
        email,
        c -> {
          c.subscribe(email, listIds == null ? List.of() : listIds);
          return null;
        });
  }
}
