package dev.roster.activities.spi;

import dev.roster.workflows.common.Capabilities;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.contacts.ContactOutcome;
import java.util.List;

/**
 * Contact and list operations of one vendor account. Thread-safe; throws the {@code
 * dev.roster.activities.http.VendorException} hierarchy as {@link TeamConnector} does.
 */
public interface ContactConnector {

  /** What the account can do; the same for every call. */
  Capabilities capabilities();

  /** The endpoint family of contact calls, e.g. {@code contacts}; names the task queue. */
  String contactsFamily();

  /** Creates the contact or updates the existing one. Idempotent. */
  ContactOutcome upsert(ContactData contact);

  /**
   * Subscribes an existing contact to lists (vendor list ids). Idempotent: already subscribed is
   * success. Throws Rejected for an unknown list, a malformed list id or an unknown contact.
   */
  void subscribe(String email, List<String> listIds);
}
