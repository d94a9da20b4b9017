package dev.roster.activities.mailersend;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.AuthFailed;
import dev.roster.activities.http.EmailMask;
import dev.roster.activities.http.NotFound;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.VendorHttp;
import dev.roster.activities.mailersend.MailerSendTypes.Invite;
import dev.roster.activities.mailersend.MailerSendTypes.User;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MailerSend account as Roster sees it: team members by invite, plus the blocklist and
 * recipient erasure for offboarding. MailerSend keeps no contacts or lists, only recipients of sent
 * mail (ARCHITECTURE.md §3): its capabilities say contacts=false, lists=false, so upsert and
 * subscribe are never planned and fail loudly if called.
 */
public final class MailerSendConnector implements TeamConnector, ContactConnector {
  private static final Logger log = LoggerFactory.getLogger(MailerSendConnector.class);

  /** Invites the person accepts; no contacts, no lists; blocklist and recipient deletion. */
  public static final Capabilities CAPABILITIES =
      new Capabilities(Capabilities.TeamInvite.INVITATION, false, false, true, true);

  /** Every MailerSend endpoint but /email shares one budget (60 per minute). */
  public static final String TEAM_FAMILY = "api";

  private final MailerSendClient client;
  private final MailerSendRecipients recipients;

  /**
   * @param blocklistDomainId the domain {@link #suppress} blocks on, or null for the whole account
   */
  public MailerSendConnector(MailerSendClient client, String blocklistDomainId) {
    this.client = requireNonNull(client, "client is null");
    this.recipients = new MailerSendRecipients(client, blocklistDomainId);
  }

  /** A connector that blocks addresses account-wide. */
  public MailerSendConnector(MailerSendClient client) {
    this(client, null);
  }

  /**
   * The usual wiring: an OkHttp client from {@link VendorHttp} and the account's "api" budget.
   *
   * @param baseUrl e.g. {@code https://api.mailersend.com/v1}
   */
  public static MailerSendConnector create(String baseUrl, Secret token, RateBudget budget) {
    HttpUrl url = HttpUrl.get(requireNonNull(baseUrl, "baseUrl is null"));
    var http = VendorHttp.newClient(MailerSendClient.VENDOR, MailerSendClient.REQUEST_ID_HEADERS);
    return new MailerSendConnector(new MailerSendClient(url, token, budget, http));
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
  public InviteOutcome invite(String rawEmail, String role) {
    String email = address(rawEmail, "invite");
    MailerSendRoles.Access access = MailerSendRoles.forRole(role);
    Optional<InviteOutcome> existing = existingInvite(email);
    if (existing.isPresent()) {
      log.info(
          "mailersend invite skipped email={} outcome={}", EmailMask.mask(email), existing.get());
      return existing.get();
    }
    try {
      client.inviteUser(email, access.role(), access.permissions());
    } catch (Rejected e) {
      // "email: The email has already been taken." after a concurrent invite; the listings, not
      // the message text, decide.
      Optional<InviteOutcome> raced = existingInvite(email);
      if (raced.isEmpty()) {
        throw e;
      }
      log.info("mailersend invite raced email={} outcome={}", EmailMask.mask(email), raced.get());
      return raced.get();
    }
    log.info("mailersend invite sent email={} role={}", EmailMask.mask(email), access.role());
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
    // Two listings are not one snapshot. Invites first, users second: a person who accepts in
    // between shows up in both (kept as active) rather than in neither, which the watcher would
    // read as an invitation that disappeared.
    Map<String, MemberEntry> byEmail = new LinkedHashMap<>();
    client
        .listInvites()
        .forEach(
            i -> byEmail.put(lower(i.email()), new MemberEntry(i.email(), MemberStatus.PENDING)));
    client
        .listUsers()
        .forEach(
            u -> byEmail.put(lower(u.email()), new MemberEntry(u.email(), MemberStatus.ACTIVE)));
    return new ArrayList<>(byEmail.values());
  }

  @Override
  public MemberStatus memberStatus(String rawEmail) {
    String email = address(rawEmail, "memberStatus");
    if (findUser(email).isPresent()) {
      return MemberStatus.ACTIVE;
    }
    return findInvite(email).isPresent() ? MemberStatus.PENDING : MemberStatus.ABSENT;
  }

  @Override
  public void resend(String rawEmail) {
    String email = address(rawEmail, "resendInvite");
    Invite invite =
        findInvite(email)
            .orElseThrow(
                () ->
                    new Rejected(
                        MailerSendClient.VENDOR,
                        "resendInvite",
                        0,
                        null,
                        "no pending invite to resend"));
    client.resendInvite(invite.id());
    log.info("mailersend invite resent email={}", EmailMask.mask(email));
  }

  @Override
  public MemberStatus cancel(String rawEmail) {
    String email = address(rawEmail, "cancelInvite");
    Optional<Invite> invite = findInvite(email);
    if (invite.isEmpty()) {
      MemberStatus now = findUser(email).isPresent() ? MemberStatus.ACTIVE : MemberStatus.ABSENT;
      log.info("mailersend cancel skipped email={} reason=not_pending", EmailMask.mask(email));
      return now;
    }
    try {
      client.cancelInvite(invite.get().id());
    } catch (NotFound gone) {
      // Accepted or cancelled since our read: nothing is pending any more.
      MemberStatus now = memberStatus(email);
      if (now == MemberStatus.PENDING) {
        throw gone;
      }
      log.info(
          "mailersend cancel skipped email={} reason=no_longer_pending", EmailMask.mask(email));
      return now;
    }
    log.info("mailersend invite cancelled email={}", EmailMask.mask(email));
    return MemberStatus.PENDING;
  }

  @Override
  public void remove(String rawEmail) {
    String email = address(rawEmail, "removeMember");
    Optional<User> user = findUser(email);
    if (user.isEmpty()) {
      // Offboarding someone who never accepted: withdraw the invite so it cannot be used.
      cancel(email);
      return;
    }
    try {
      client.deleteUser(user.get().id());
    } catch (NotFound gone) {
      log.info("mailersend remove skipped email={} reason=gone", EmailMask.mask(email));
      return;
    } catch (AuthFailed e) {
      // The token just read /users, so a 403 here is about this user: the account owner.
      if (e.status() == 403) {
        throw new Rejected(
            MailerSendClient.VENDOR,
            "removeMember",
            403,
            e.requestId(),
            "MailerSend refused to remove this user; the account owner cannot be removed",
            e);
      }
      throw e;
    }
    log.info("mailersend member removed email={}", EmailMask.mask(email));
  }

  @Override
  public String contactsFamily() {
    return TEAM_FAMILY;
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

  /** The recipient and the blocklist; never any lists. Read-only. */
  @Override
  public ContactFootprint findContact(String email) {
    return recipients.findContact(email);
  }

  /** MailerSend has no lists to leave: always 0, without a call. */
  @Override
  public int unsubscribeAll(String email) {
    address(email, "unsubscribeAll");
    return 0;
  }

  /**
   * Blocklists the address; an unknown address is blocked too (an entry is only the address).
   * Idempotent: an address already blocked, exactly or by a pattern, is false.
   */
  @Override
  public boolean suppress(String email) {
    return recipients.suppress(email);
  }

  /** Whether a blocklist entry (exact or pattern) stops mail to the address. Read-only. */
  public boolean isSuppressed(String email) {
    return recipients.isSuppressed(email);
  }

  /** Deletes the recipient and reads back; recipients are always deletable. */
  @Override
  public EraseOutcome erase(String email) {
    return recipients.erase(email);
  }

  private static Rejected noContacts(String operation) {
    return new Rejected(
        MailerSendClient.VENDOR, operation, 0, null, "MailerSend keeps no contacts or lists");
  }

  private Optional<User> findUser(String email) {
    return client.listUsers().stream().filter(u -> same(u.email(), email)).findFirst();
  }

  private Optional<Invite> findInvite(String email) {
    return client.listInvites().stream().filter(i -> same(i.email(), email)).findFirst();
  }

  private static boolean same(String vendorEmail, String wanted) {
    return vendorEmail != null && vendorEmail.trim().equalsIgnoreCase(wanted);
  }

  private static String address(String email, String operation) {
    return MailerSendRecipients.address(email, operation);
  }

  private static String lower(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }
}
