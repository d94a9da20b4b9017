package dev.roster.activities.mailjet;

import static dev.roster.activities.mailjet.MailjetTransport.VENDOR;
import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.Conflict;
import dev.roster.activities.http.ContactMissing;
import dev.roster.activities.http.EmailMask;
import dev.roster.activities.http.NotFound;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.http.VendorException;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.activities.mailjet.MailjetTypes.Contact;
import dev.roster.activities.mailjet.MailjetTypes.ListRecipient;
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
 * The contact side of a Mailjet account: contacts, properties, lists, exclusion and erasure by API
 * (vendors.md §1).
 *
 * <p>Names: Roster's first and last name become Mailjet's default contact properties {@code
 * firstname} and {@code name} (the names Mailjet's own templates personalise with, {@code
 * [[data:firstname]]}/{@code [[data:name]]}; ⚠ from Mailjet's personalisation docs, not
 * vendors.md), and the contact's display {@code Name} becomes "First Last" so the Mailjet UI shows
 * a person, not a bare address. Other attributes become lower-case static {@code str} properties,
 * matching Mailjet's lower-case defaults so "Company" and "company" do not become two properties.
 */
public final class MailjetContacts implements ContactConnector {
  private static final Logger log = LoggerFactory.getLogger(MailjetContacts.class);

  static final String FIRST_NAME_PROPERTY = "firstname";
  static final String LAST_NAME_PROPERTY = "name";

  private final MailjetClient client;
  private final MailjetListsApi lists;

  public MailjetContacts(MailjetClient client) {
    this.client = requireNonNull(client, "client is null");
    this.lists = client.lists();
  }

  @Override
  public Capabilities capabilities() {
    return MailjetConnector.CAPABILITIES;
  }

  @Override
  public String contactsFamily() {
    return MailjetConnector.CONTACTS_FAMILY;
  }

  /**
   * Creates the contact, or on Mailjet's MJ18 duplicate reads and updates it; then defines missing
   * properties (contactmetadata) and writes their values (contactdata). Idempotent.
   */
  @Override
  public ContactOutcome upsert(ContactData contact) {
    String email = address(contact == null ? null : contact.email(), "upsertContact");
    String displayName = ConnectorInput.fullName(contact.firstName(), contact.lastName());
    ContactOutcome outcome;
    long id;
    try {
      id = client.createContact(email, displayName, null).id();
      outcome = ContactOutcome.CREATED;
    } catch (Conflict duplicate) {
      Contact existing = client.getContact(email).orElseThrow(() -> duplicate);
      if (displayName != null && !displayName.equals(existing.name())) {
        client.updateContact(Long.toString(existing.id()), displayName, null);
      }
      id = existing.id();
      outcome = ContactOutcome.UPDATED;
    }
    Map<String, Object> properties = properties(contact);
    if (!properties.isEmpty()) {
      Map<String, String> datatypes = new LinkedHashMap<>();
      properties.keySet().forEach(name -> datatypes.put(name, "str"));
      client.ensureProperties(datatypes);
      try {
        client.setContactData(Long.toString(id), properties);
      } catch (NotFound lost) {
        // The contact Mailjet just answered for is not there: its write did not stick. A retry
        // of this step creates it again (the create is the step's first call).
        throw new VendorUnavailable(
            VENDOR, "upsertContact", lost.status(), lost.requestId(), "created contact not found");
      }
    }
    log.info("mailjet contact upserted email={} outcome={}", EmailMask.mask(email), outcome);
    return outcome;
  }

  /**
   * For each list: no membership -> POST listrecipient; unsubscribed -> PUT IsUnsubscribed false;
   * subscribed -> nothing. Idempotent. Rejected for a malformed or unknown list id or an unknown
   * contact.
   */
  @Override
  public void subscribe(String rawEmail, List<String> listIds) {
    String email = address(rawEmail, "subscribe");
    List<Long> ids = ConnectorInput.numericListIds(VENDOR, "subscribe", listIds);
    Contact contact =
        client.getContact(email).orElseThrow(() -> new ContactMissing(VENDOR, "subscribe", null));
    for (long listId : ids) {
      subscribeOne(contact.id(), listId);
      log.info("mailjet contact subscribed email={} listId={}", EmailMask.mask(email), listId);
    }
  }

  private void subscribeOne(long contactId, long listId) {
    Optional<ListRecipient> existing = lists.findListRecipient(contactId, listId);
    if (existing.isEmpty()) {
      try {
        lists.subscribe(contactId, listId);
        return;
      } catch (Conflict raced) {
        // Subscribed concurrently since our read; fall through and check its state.
        existing = lists.findListRecipient(contactId, listId);
      } catch (Rejected e) {
        throw rejected(
            "subscribe",
            "mailjet refused list "
                + listId
                + (e.vendorMessage() == null || e.vendorMessage().isBlank()
                    ? " (no message)"
                    : ": " + e.vendorMessage()),
            e);
      }
    }
    if (existing.isPresent() && existing.get().unsubscribed()) {
      lists.resubscribe(existing.get().id());
    }
  }

  /**
   * The live contact (an anonymised one is the erased person, so absent), its subscribed lists and
   * {@code IsExcludedFromCampaigns}. Read-only.
   */
  @Override
  public ContactFootprint findContact(String rawEmail) {
    Optional<Contact> contact = live(address(rawEmail, "findContact"));
    if (contact.isEmpty()) {
      return ContactFootprint.absent();
    }
    List<String> subscribed =
        lists.listRecipients(contact.get().id()).stream()
            .filter(r -> !r.unsubscribed())
            .map(r -> Long.toString(r.listId()))
            .toList();
    return new ContactFootprint(true, subscribed, contact.get().excludedFromCampaigns());
  }

  /**
   * Unsubscribes the person from every list they are subscribed to (memberships stay, flagged
   * unsubscribed, so Mailjet keeps the opt-out). Idempotent; an unknown person is a no-op.
   *
   * @return how many memberships changed
   */
  @Override
  public int unsubscribeAll(String rawEmail) {
    return unsubscribeFrom(address(rawEmail, "unsubscribeAll"), id -> true);
  }

  @Override
  public int unsubscribe(String rawEmail, List<String> listIds) {
    String email = address(rawEmail, "unsubscribe");
    List<Long> ids = ConnectorInput.numericListIds(VENDOR, "unsubscribe", listIds);
    return unsubscribeFrom(email, ids::contains);
  }

  /** Unsubscribes the contact's list recipients whose list {@code which} picks. */
  private int unsubscribeFrom(String email, Predicate<Long> which) {
    Optional<Contact> contact = live(email);
    if (contact.isEmpty()) {
      return 0;
    }
    int changed = 0;
    for (ListRecipient r : lists.listRecipients(contact.get().id())) {
      if (!r.unsubscribed() && which.test(r.listId())) {
        lists.unsubscribe(r.id());
        changed++;
      }
    }
    log.info("mailjet contact unsubscribed email={} lists={}", EmailMask.mask(email), changed);
    return changed;
  }

  /**
   * Excludes the person from every campaign (Mailjet's global suppression, {@code
   * IsExcludedFromCampaigns}). Idempotent. An unknown address is left alone (false): excluding it
   * would mean creating a contact, i.e. a new record of someone Mailjet never held, which
   * GDPR-minded offboarding avoids; Mailjet documents no need for such a placeholder.
   *
   * @return whether anything changed
   */
  @Override
  public boolean suppress(String rawEmail) {
    String email = address(rawEmail, "suppress");
    Optional<Contact> contact = live(email);
    if (contact.isEmpty() || contact.get().excludedFromCampaigns()) {
      return false;
    }
    client.updateContact(Long.toString(contact.get().id()), null, true);
    log.info("mailjet contact suppressed email={}", EmailMask.mask(email));
    return true;
  }

  /**
   * Erases the person (GDPR) through Mailjet's v4 DELETE, which anonymises the contact and drops
   * its memberships; the client reads it back and throws VendorUnavailable (retryable) while it is
   * not anonymised yet. Mailjet documents no contact it refuses to erase, so never UNDELETABLE.
   */
  @Override
  public EraseOutcome erase(String rawEmail) {
    String email = address(rawEmail, "erase");
    Optional<Contact> contact = live(email);
    if (contact.isEmpty()) {
      return new EraseOutcome(EraseOutcome.Result.ABSENT, "no contact");
    }
    client.eraseContact(contact.get().id());
    log.info("mailjet contact erased email={}", EmailMask.mask(email));
    return new EraseOutcome(EraseOutcome.Result.ERASED, "anonymised");
  }

  /** The contact with this address unless the v4 erasure has anonymised it. */
  private Optional<Contact> live(String email) {
    return client.getContact(email).filter(c -> !c.anonymized());
  }

  private static Map<String, Object> properties(ContactData contact) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (contact.attributes() != null) {
      contact.attributes().forEach((k, v) -> putIfPresent(out, k, v));
    }
    // The explicit names win over a same-named free attribute.
    putIfPresent(out, FIRST_NAME_PROPERTY, contact.firstName());
    putIfPresent(out, LAST_NAME_PROPERTY, contact.lastName());
    return out;
  }

  private static void putIfPresent(Map<String, Object> out, String name, String value) {
    if (name != null && !name.isBlank() && value != null) {
      out.put(name.trim().toLowerCase(Locale.ROOT), value);
    }
  }

  private static String address(String email, String operation) {
    return ConnectorInput.address(VENDOR, email, operation);
  }

  private static Rejected rejected(String operation, String message, VendorException cause) {
    int status = cause == null ? 0 : cause.status();
    String requestId = cause == null ? null : cause.requestId();
    return new Rejected(VENDOR, operation, status, requestId, message, cause);
  }
}
