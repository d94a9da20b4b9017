package dev.roster.activities.mailersend;

import static dev.roster.activities.mailersend.MailerSendClient.VENDOR;
import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.EmailMask;
import dev.roster.activities.http.NotFound;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.activities.mailersend.MailerSendTypes.Recipient;
import dev.roster.activities.spi.ConnectorInput;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.workflows.account.Capabilities;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.contacts.ContactFootprint;
import dev.roster.workflows.contacts.ContactOutcome;
import dev.roster.workflows.contacts.EraseOutcome;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact side of a MailerSend account, for offboarding: recipients (addresses MailerSend has
 * sent mail to) and the blocklist. MailerSend keeps no contacts or lists: its capabilities say
 * contacts=false, lists=false, so upsert and subscribe are never planned and fail loudly if called.
 */
public final class MailerSendRecipients implements ContactConnector {
  private static final Logger log = LoggerFactory.getLogger(MailerSendRecipients.class);

  private final MailerSendClient client;
  private final Optional<String> blocklistDomainId;

  /**
   * @param blocklistDomainId the domain {@link #suppress} blocks on; empty blocks account-wide
   */
  public MailerSendRecipients(MailerSendClient client, Optional<String> blocklistDomainId) {
    this.client = requireNonNull(client, "client is null");
    this.blocklistDomainId = requireNonNull(blocklistDomainId, "blocklistDomainId is null");
  }

  @Override
  public Capabilities capabilities() {
    return MailerSendConnector.CAPABILITIES;
  }

  @Override
  public String contactsFamily() {
    return MailerSendConnector.TEAM_FAMILY;
  }

  /** MailerSend keeps no contacts; never planned (capabilities), so a call is a bug. Rejected. */
  @Override
  public ContactOutcome upsert(ContactData contact) {
    throw noContacts("upsertContact");
  }

  /** MailerSend has no lists; never planned (capabilities), so a call is a bug. Rejected. */
  @Override
  public void subscribe(String email, List<String> listIds) {
    throw noContacts("subscribe");
  }

  /** MailerSend has no lists to leave: always 0, without a call. */
  @Override
  public int unsubscribeAll(String email) {
    address(email, "unsubscribeAll");
    return 0;
  }

  /** MailerSend has no lists: nothing to leave. */
  @Override
  public int unsubscribe(String email, List<String> listIds) {
    address(email, "unsubscribe");
    return 0;
  }

  /**
   * The recipient and the blocklist, never any lists: exists = a recipient with the address;
   * suppressed = a blocklist entry stops mail to it. Read-only.
   */
  @Override
  public ContactFootprint findContact(String rawEmail) {
    String email = address(rawEmail, "findContact");
    boolean recipient = findRecipient(email).isPresent();
    boolean suppressed = isSuppressed(email);
    if (!recipient && !suppressed) {
      return ContactFootprint.absent();
    }
    return new ContactFootprint(recipient, List.of(), suppressed);
  }

  /**
   * Blocklists the address (account-wide unless a domain was configured). Unlike a contact, a
   * blocklist entry is just the address, so an unknown address is blocked too: that is what stops a
   * later send to it. Any entry that already stops mail to it (exact or pattern) counts.
   */
  @Override
  public boolean suppress(String rawEmail) {
    String email = address(rawEmail, "suppress");
    if (isSuppressed(email)) {
      return false;
    }
    try {
      client.addToBlocklist(List.of(email), blocklistDomainId);
    } catch (Rejected e) {
      // MailerSend documents no answer for a duplicate; the blocklist itself decides.
      if (!isSuppressed(email)) {
        throw e;
      }
      return false;
    }
    log.info("mailersend address suppressed email={}", EmailMask.mask(email));
    return true;
  }

  /** Whether a blocklist entry (exact or pattern) stops mail to the address. Read-only. */
  public boolean isSuppressed(String rawEmail) {
    String email = address(rawEmail, "isSuppressed");
    return client.listBlocklist().stream().anyMatch(b -> b.matches(email));
  }

  /**
   * Deletes the recipient and reads the recipients back. Recipients are always deletable, so never
   * UNDELETABLE. The blocklist entry, if any, stays: it is what keeps the address from being mailed
   * again, the suppression offboarding asked for.
   */
  @Override
  public EraseOutcome erase(String rawEmail) {
    String email = address(rawEmail, "erase");
    Optional<Recipient> recipient = findRecipient(email);
    if (recipient.isEmpty()) {
      log.info("mailersend erase skipped email={} reason=unknown", EmailMask.mask(email));
      return new EraseOutcome(EraseOutcome.Result.ABSENT, "no recipient");
    }
    try {
      client.deleteRecipient(recipient.get().id());
    } catch (NotFound gone) {
      // Deleted since our read; the read-back below confirms it.
    }
    if (findRecipient(email).isPresent()) {
      throw new VendorUnavailable(
          VENDOR, "erase", 204, null, "recipient still listed after deletion");
    }
    log.info("mailersend recipient erased email={}", EmailMask.mask(email));
    return new EraseOutcome(EraseOutcome.Result.ERASED, "deleted");
  }

  /** MailerSend cannot filter recipients by address, so the lookup pages through them all. */
  private Optional<Recipient> findRecipient(String email) {
    return client.listRecipients().stream()
        .filter(r -> r.email() != null && r.email().trim().equalsIgnoreCase(email))
        .findFirst();
  }

  private static Rejected noContacts(String operation) {
    return new Rejected(VENDOR, operation, 0, null, "MailerSend keeps no contacts or lists");
  }

  private static String address(String email, String operation) {
    return ConnectorInput.address(VENDOR, email, operation);
  }
}
