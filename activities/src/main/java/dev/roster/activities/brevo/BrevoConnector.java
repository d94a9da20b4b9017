package dev.roster.activities.brevo;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.brevo.BrevoTypes.OrganizationUser;
import dev.roster.activities.http.AuthFailed;
import dev.roster.activities.http.Conflict;
import dev.roster.activities.http.EmailMask;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.spi.BulkImportConnector;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.workflows.account.Capabilities;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.contacts.ContactFootprint;
import dev.roster.workflows.contacts.ContactOutcome;
import dev.roster.workflows.contacts.EraseOutcome;
import dev.roster.workflows.team.InviteOutcome;
import dev.roster.workflows.team.MemberEntry;
import dev.roster.workflows.team.MemberStatus;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One Brevo account as Roster sees it: team members by invitation, contacts and lists. */
public final class BrevoConnector implements TeamConnector, ContactConnector {
  private static final Logger log = LoggerFactory.getLogger(BrevoConnector.class);

  /** Invitations the person accepts; contacts, lists, blacklist and erasure by API. */
  public static final Capabilities CAPABILITIES =
      new Capabilities(Capabilities.TeamInvite.INVITATION, true, true, true, true);

  /** Team calls share Brevo's /organization budget (100 per hour). */
  public static final String TEAM_FAMILY = "organization";

  /** Contact and list calls share Brevo's /contacts budget (10 per second). */
  public static final String CONTACTS_FAMILY = "contacts";

  /** Brevo imports are large and /processes polls are scarce (100 per hour). */
  static final int ROWS_PER_IMPORT = 10_000;

  private final BrevoBulkImport bulk;
  private final BrevoClient client;
  private final BrevoContacts contacts;

  public BrevoConnector(BrevoClient client) {
    this.client = requireNonNull(client, "client is null");
    this.contacts = new BrevoContacts(client);
    this.bulk = new BrevoBulkImport(client);
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public String teamFamily() {
    return TEAM_FAMILY;
  }

  @Override
  public String contactsFamily() {
    return CONTACTS_FAMILY;
  }

  @Override
  public InviteOutcome invite(String rawEmail, String role) {
    String email = address(rawEmail, "invite");
    BrevoRoles.Access access = BrevoRoles.forRole(role);
    Optional<InviteOutcome> existing = existingInvite(email);
    if (existing.isPresent()) {
      log.info("brevo invite skipped email={} outcome={}", EmailMask.mask(email), existing.get());
      return existing.get();
    }
    try {
      client.sendInvitation(email, access.allFeaturesAccess(), access.privileges());
    } catch (Rejected | Conflict e) {
      // A concurrent or earlier attempt may have invited them after our read ("user already
      // exists"); the listing, not the message text, decides.
      Optional<InviteOutcome> raced = existingInvite(email);
      if (raced.isEmpty()) {
        throw e;
      }
      log.info("brevo invite raced email={} outcome={}", EmailMask.mask(email), raced.get());
      return raced.get();
    }
    log.info("brevo invitation sent email={} role={}", EmailMask.mask(email), role);
    return InviteOutcome.INVITED;
  }

  private Optional<InviteOutcome> existingInvite(String email) {
    return switch (memberStatus(email)) {
      case ACTIVE -> Optional.of(InviteOutcome.ALREADY_ACTIVE);
      case PENDING -> Optional.of(InviteOutcome.ALREADY_PENDING);
      case ABSENT -> Optional.empty();
    };
  }

  @Override
  public List<MemberEntry> listMembers() {
    return client.listInvitedUsers().stream()
        .map(u -> new MemberEntry(u.email(), u.status()))
        .toList();
  }

  @Override
  public MemberStatus memberStatus(String email) {
    return find(email).map(OrganizationUser::status).orElse(MemberStatus.ABSENT);
  }

  private Optional<OrganizationUser> find(String email) {
    String wanted = address(email, "memberStatus");
    return client.listInvitedUsers().stream()
        .filter(u -> u.email().trim().equalsIgnoreCase(wanted))
        .findFirst();
  }

  @Override
  public void resend(String rawEmail) {
    String email = address(rawEmail, "resendInvitation");
    try {
      client.resendInvitation(email);
    } catch (AuthFailed e) {
      // Brevo answers 403 both for a bad key and for "no pending invitation" (swagger); the
      // listing tells them apart, and only the second is the caller's mistake.
      if (memberStatus(email) != MemberStatus.PENDING) {
        throw new Rejected(
            BrevoClient.VENDOR,
            "resendInvitation",
            e.status(),
            e.requestId(),
            "no pending invitation to resend",
            e);
      }
      throw e;
    }
    log.info("brevo invitation resent email={}", EmailMask.mask(email));
  }

  @Override
  public MemberStatus cancel(String email) {
    Optional<OrganizationUser> user = find(email);
    if (user.isEmpty() || user.get().status() != MemberStatus.PENDING) {
      log.info("brevo cancel skipped email={} reason=not_pending", EmailMask.mask(email));
      return user.map(OrganizationUser::status).orElse(MemberStatus.ABSENT);
    }
    try {
      client.cancelInvitation(user.get().email());
    } catch (AuthFailed e) {
      // 403 also means "not pending": accepted or cancelled since our read. Nothing to cancel.
      MemberStatus now = memberStatus(email);
      if (now == MemberStatus.PENDING) {
        throw e;
      }
      log.info("brevo cancel skipped email={} reason=no_longer_pending", EmailMask.mask(email));
      return now;
    }
    log.info("brevo invitation cancelled email={}", EmailMask.mask(email));
    return MemberStatus.PENDING;
  }

  @Override
  public void remove(String email) {
    Optional<OrganizationUser> user = find(email);
    if (user.isEmpty() || user.get().status() == MemberStatus.ABSENT) {
      log.info("brevo remove skipped email={} reason=absent", EmailMask.mask(email));
      return;
    }
    OrganizationUser found = user.get();
    if (found.owner()) {
      throw new Rejected(
          BrevoClient.VENDOR, "removeMember", 0, null, "the account owner cannot be removed");
    }
    try {
      if (found.status() == MemberStatus.PENDING) {
        // Offboarding someone who never accepted: withdraw the invitation so it cannot be used.
        client.cancelInvitation(found.email());
      } else {
        client.revokeUser(found.email());
      }
    } catch (AuthFailed e) {
      // 403 also means "not in that state any more" (accepted or gone since our read): look
      // again and finish the job, or give up if the key really is refused.
      MemberStatus now = memberStatus(email);
      if (now == MemberStatus.ABSENT) {
        log.info("brevo remove skipped email={} reason=gone", EmailMask.mask(email));
        return;
      }
      if (now == found.status()) {
        throw e;
      }
      remove(email);
      return;
    }
    log.info("brevo member removed email={} was={}", EmailMask.mask(email), found.status());
  }

  @Override
  public ContactOutcome upsert(ContactData contact) {
    return contacts.upsert(contact);
  }

  @Override
  public void subscribe(String email, List<String> listIds) {
    contacts.subscribe(email, listIds);
  }

  @Override
  public ContactFootprint findContact(String email) {
    return contacts.findContact(email);
  }

  @Override
  public int unsubscribeAll(String email) {
    return contacts.unsubscribeAll(email);
  }

  /** An unknown address is left alone (false): no contact is created just to blacklist it. */
  @Override
  public boolean suppress(String email) {
    return contacts.suppress(email);
  }

  /** UNDELETABLE for the account's registered address, which Brevo refuses (405) to delete. */
  @Override
  public EraseOutcome erase(String email) {
    return contacts.erase(email);
  }

  /** The trimmed address; a missing one is the caller's mistake, not worth a retry. */
  private static String address(String email, String operation) {
    return BrevoContacts.address(email, operation);
  }

  /** This account's bulk-import side (BulkImport's chunks and jobs). */
  public BulkImportConnector bulkImports() {
    return bulk;
  }
}
