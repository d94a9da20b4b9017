package dev.roster.activities.spi;

import dev.roster.workflows.account.Capabilities;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.contacts.ContactFootprint;
import dev.roster.workflows.contacts.ContactOutcome;
import dev.roster.workflows.contacts.EraseOutcome;
import java.util.List;

/**
 * Contact and list operations of one vendor account. Thread-safe; throws the {@code
 * dev.roster.activities.http.VendorException} hierarchy as {@link TeamConnector} does: RateLimited
 * and VendorUnavailable (retryable), AuthFailed and Rejected (not).
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

  /**
   * What the account holds about the address: whether a contact exists, the vendor list ids it is
   * subscribed to (unsubscribed memberships excluded) and whether the address is suppressed
   * account-wide. Read-only; an unknown person is {@link ContactFootprint#absent()}.
   */
  ContactFootprint findContact(String email);

  /**
   * Unsubscribes (or removes) the contact from every list it is subscribed to. Idempotent: a second
   * call, or an unknown person, returns 0.
   *
   * @return how many lists it left
   */
  int unsubscribeAll(String email);

  /**
   * Unsubscribes (or removes) the contact from these lists only; a list it is not on, or no
   * contact, is success. A list id the vendor cannot have (not a number) throws Rejected.
   *
   * @return how many lists it left
   */
  int unsubscribe(String email, List<String> listIds);

  /**
   * Suppresses the address account-wide so no campaign mails it again. Idempotent. Whether an
   * unknown address gets a (suppressed) record depends on the vendor; each connector says which.
   *
   * @return whether anything changed (false when already suppressed, or nothing to suppress)
   */
  boolean suppress(String email);

  /**
   * Erases the person's contact data (GDPR) and verifies by reading back: gone, or anonymised where
   * that is the vendor's erasure. Irreversible. Idempotent: an unknown person is ABSENT. A record
   * the vendor refuses to delete (e.g. Brevo's registered account address) is UNDELETABLE with the
   * vendor's reason, not an exception. Throws VendorUnavailable (retryable) when the data still
   * reads back after a successful delete (eventual consistency).
   */
  EraseOutcome erase(String email);
}
