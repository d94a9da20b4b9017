package dev.roster.activities.mailersend;

import static dev.roster.activities.mailersend.MailerSendClient.VENDOR;

import dev.roster.activities.http.EmailMask;
import dev.roster.activities.http.NotFound;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.activities.mailersend.MailerSendTypes.Recipient;
import dev.roster.workflows.contacts.ContactFootprint;
import dev.roster.workflows.contacts.EraseOutcome;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offboarding side of {@link MailerSendConnector}: recipients (addresses MailerSend has sent
 * mail to) and the blocklist. MailerSend keeps no contacts or lists.
 */
final class MailerSendRecipients {
  private static final Logger log = LoggerFactory.getLogger(MailerSendRecipients.class);

  private final MailerSendClient client;
  private final String blocklistDomainId;

  MailerSendRecipients(MailerSendClient client, String blocklistDomainId) {
    this.client = client;
    this.blocklistDomainId = blocklistDomainId;
  }

  /** exists = a recipient with the address; suppressed = a blocklist entry stops mail to it. */
  ContactFootprint findContact(String rawEmail) {
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
  boolean suppress(String rawEmail) {
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

  boolean isSuppressed(String rawEmail) {
    String email = address(rawEmail, "isSuppressed");
    return client.listBlocklist().stream().anyMatch(b -> b.matches(email));
  }

  /**
   * Deletes the recipient and reads the recipients back. Recipients are always deletable, so never
   * UNDELETABLE. The blocklist entry, if any, stays: it is what keeps the address from being mailed
   * again, the suppression offboarding asked for.
   */
  EraseOutcome erase(String rawEmail) {
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

  /** The trimmed address; a missing one is the caller's mistake, not worth a retry. */
  static String address(String email, String operation) {
    if (email == null || email.isBlank()) {
      throw new Rejected(VENDOR, operation, 0, null, "email is missing");
    }
    return email.trim();
  }
}
