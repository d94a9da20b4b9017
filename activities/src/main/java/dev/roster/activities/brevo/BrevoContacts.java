package dev.roster.activities.brevo;

import static dev.roster.activities.brevo.BrevoClient.VENDOR;
import static java.util.Objects.requireNonNull;

import dev.roster.activities.brevo.BrevoTypes.Contact;
import dev.roster.activities.brevo.BrevoTypes.ListAddResult;
import dev.roster.activities.http.ContactMissing;
import dev.roster.activities.http.EmailMask;
import dev.roster.activities.http.NotFound;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.http.VendorException;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.activities.spi.ConnectorInput;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.workflows.account.Capabilities;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.contacts.ContactFootprint;
import dev.roster.workflows.contacts.ContactOutcome;
import dev.roster.workflows.contacts.EraseOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact side of a Brevo account: contacts, lists, blacklist and erasure (vendors.md §4), on
 * the contacts family.
 */
public final class BrevoContacts implements ContactConnector {
  private static final Logger log = LoggerFactory.getLogger(BrevoContacts.class);

  private final BrevoClient client;

  public BrevoContacts(BrevoClient client) {
    this.client = requireNonNull(client, "client is null");
  }

  @Override
  public Capabilities capabilities() {
    return BrevoConnector.CAPABILITIES;
  }

  @Override
  public String contactsFamily() {
    return BrevoConnector.CONTACTS_FAMILY;
  }

  @Override
  public ContactOutcome upsert(ContactData contact) {
    String email = address(contact == null ? null : contact.email(), "upsertContact");
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (contact.attributes() != null) {
      contact.attributes().forEach((k, v) -> putIfPresent(attributes, k, v));
    }
    // Brevo's default attribute names; they win over a same-named free attribute.
    putIfPresent(attributes, "FIRSTNAME", contact.firstName());
    putIfPresent(attributes, "LASTNAME", contact.lastName());
    ContactOutcome outcome = client.createContact(email, attributes, List.of(), true);
    // Confirmed by reading it back: the list step relies on it, and an answer that only looked
    // like Brevo's must not leave a contact that was never written. The step's retry writes it
    // again (an upsert).
    if (client.getContact(email).isEmpty()) {
      throw new VendorUnavailable(
          VENDOR, "upsertContact", 0, null, "contact not readable after it was written");
    }
    log.info("brevo contact upserted email={} outcome={}", EmailMask.mask(email), outcome);
    return outcome;
  }

  private static void putIfPresent(Map<String, Object> attributes, String name, String value) {
    if (name != null && value != null) {
      attributes.put(name.trim().toUpperCase(Locale.ROOT), value);
    }
  }

  @Override
  public void subscribe(String rawEmail, List<String> listIds) {
    String email = address(rawEmail, "subscribe");
    List<Long> ids = ConnectorInput.numericListIds(VENDOR, "subscribe", listIds);
    for (long id : ids) {
      subscribeOne(email, id);
    }
  }

  private void subscribeOne(String email, long listId) {
    ListAddResult result;
    try {
      result = client.addToList(listId, List.of(email));
    } catch (NotFound e) {
      throw rejected("list " + listId + " does not exist", e);
    } catch (Rejected e) {
      // Brevo refuses with 400 when nothing was added, whether the contact is already in the list
      // or does not exist; the contact itself tells which.
      confirmSubscribed(email, listId, e);
      return;
    }
    boolean added = result.success().stream().anyMatch(f -> f.equalsIgnoreCase(email));
    if (!added) {
      // Refused, or an answer that does not name the address: the contact itself tells.
      confirmSubscribed(email, listId, null);
      return;
    }
    log.info("brevo contact subscribed email={} listId={}", EmailMask.mask(email), listId);
  }

  /**
   * After Brevo added nothing: fine when the contact is on the list already; otherwise Rejected
   * with Brevo's own status, request id and message when it refused with an error ({@code
   * refusal}), or saying that its answer listed the address as not added.
   */
  private void confirmSubscribed(String email, long listId, Rejected refusal) {
    Optional<Contact> contact = client.getContact(email);
    if (contact.isEmpty()) {
      throw new ContactMissing(VENDOR, "subscribe", refusal == null ? null : refusal.requestId());
    }
    if (!contact.get().listIds().contains(listId)) {
      String why =
          refusal == null
              ? "brevo did not add the contact to list " + listId
              : "brevo refused to add the contact to list "
                  + listId
                  + (refusal.vendorMessage() == null || refusal.vendorMessage().isBlank()
                      ? " (no message)"
                      : ": " + refusal.vendorMessage());
      throw rejected(why, refusal);
    }
    log.info("brevo contact already subscribed email={} listId={}", EmailMask.mask(email), listId);
  }

  @Override
  public ContactFootprint findContact(String rawEmail) {
    return client
        .getContact(address(rawEmail, "findContact"))
        .map(
            c ->
                new ContactFootprint(
                    true,
                    c.subscribedListIds().stream().map(String::valueOf).toList(),
                    c.emailBlacklisted()))
        .orElse(ContactFootprint.absent());
  }

  /** One PUT with {@code unlinkListIds} for every list, instead of one remove call per list. */
  @Override
  public int unsubscribeAll(String rawEmail) {
    return unlink(address(rawEmail, "unsubscribeAll"), id -> true);
  }

  @Override
  public int unsubscribe(String rawEmail, List<String> listIds) {
    String email = address(rawEmail, "unsubscribe");
    List<Long> ids = ConnectorInput.numericListIds(VENDOR, "unsubscribe", listIds);
    return unlink(email, ids::contains);
  }

  /** Unlinks the contact from the lists it is on that {@code which} picks. */
  private int unlink(String email, Predicate<Long> which) {
    Optional<Contact> contact = client.getContact(email);
    List<Long> lists =
        contact.map(Contact::subscribedListIds).orElse(List.of()).stream().filter(which).toList();
    if (lists.isEmpty()) {
      return 0;
    }
    try {
      client.unlinkLists(email, lists);
    } catch (NotFound deleted) {
      // Deleted since our read: it is on no list any more, which is what we wanted.
      return 0;
    }
    log.info("brevo contact unlinked email={} lists={}", EmailMask.mask(email), lists.size());
    return lists.size();
  }

  /**
   * Blacklists an existing contact. An unknown address is left alone (false): Brevo can only
   * blacklist a contact, and offboarding must not create a record of someone it never held.
   */
  @Override
  public boolean suppress(String rawEmail) {
    String email = address(rawEmail, "suppress");
    Optional<Contact> contact = client.getContact(email);
    if (contact.isEmpty() || contact.get().emailBlacklisted()) {
      return false;
    }
    try {
      client.blacklistEmail(email);
    } catch (NotFound deleted) {
      return false;
    }
    log.info("brevo contact blacklisted email={}", EmailMask.mask(email));
    return true;
  }

  /**
   * Deletes the contact and reads it back. Brevo refuses the account's registered address with 405
   * (vendors.md §4): that is UNDELETABLE with Brevo's reason, so the workflow reports it instead of
   * retrying forever.
   */
  @Override
  public EraseOutcome erase(String rawEmail) {
    String email = address(rawEmail, "erase");
    if (client.getContact(email).isEmpty()) {
      return new EraseOutcome(EraseOutcome.Result.ABSENT, "no contact");
    }
    try {
      client.deleteContact(email);
    } catch (NotFound gone) {
      // Deleted since our read; the read-back below confirms it.
    } catch (Rejected refused) {
      if (refused.status() != 405) {
        throw refused;
      }
      String reason =
          refused.vendorMessage() == null ? "brevo refuses to delete it" : refused.vendorMessage();
      log.warn("brevo contact undeletable email={} reason={}", EmailMask.mask(email), reason);
      return new EraseOutcome(EraseOutcome.Result.UNDELETABLE, reason);
    }
    if (client.getContact(email).isPresent()) {
      throw new VendorUnavailable(
          VENDOR, "erase", 204, null, "contact still readable after deletion");
    }
    log.info("brevo contact erased email={}", EmailMask.mask(email));
    return new EraseOutcome(EraseOutcome.Result.ERASED, "deleted");
  }

  private static String address(String email, String operation) {
    return ConnectorInput.address(VENDOR, email, operation);
  }

  private static Rejected rejected(String message, VendorException cause) {
    int status = cause == null ? 0 : cause.status();
    String requestId = cause == null ? null : cause.requestId();
    return new Rejected(VENDOR, "subscribe", status, requestId, message, cause);
  }
}
