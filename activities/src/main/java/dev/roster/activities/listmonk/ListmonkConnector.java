package dev.roster.activities.listmonk;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.Conflict;
import dev.roster.activities.http.EmailMask;
import dev.roster.activities.http.NotFound;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.listmonk.ListmonkTypes.ImportParams;
import dev.roster.activities.listmonk.ListmonkTypes.ImportStatus;
import dev.roster.activities.listmonk.ListmonkTypes.User;
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

/**
 * One listmonk instance as Roster sees it: users that are active as soon as they are created (no
 * invitations exist), subscribers, lists, blocklist and the one-at-a-time import.
 */
public final class ListmonkConnector implements TeamConnector, ContactConnector {
  private static final Logger log = LoggerFactory.getLogger(ListmonkConnector.class);

  /** Users are active at once; subscribers, lists, blocklist and deletion by API. */
  public static final Capabilities CAPABILITIES =
      new Capabilities(Capabilities.TeamInvite.IMMEDIATE, true, true, true, true);

  /** listmonk has no endpoint families: one budget protects the whole instance. */
  public static final String FAMILY = "api";

  /** One import at a time per instance, so few and large ones. */
  static final int ROWS_PER_IMPORT = 20_000;

  private final ListmonkBulkImport bulk;
  private final ListmonkClient client;
  private final ListmonkSubscribers subscribers;
  private final ListmonkImports imports;

  public ListmonkConnector(ListmonkClient client) {
    this.client = requireNonNull(client, "client is null");
    this.subscribers = new ListmonkSubscribers(client);
    this.imports = new ListmonkImports(client);
    this.bulk = new ListmonkBulkImport(this);
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public String teamFamily() {
    return FAMILY;
  }

  @Override
  public String contactsFamily() {
    return FAMILY;
  }

  /**
   * Creates an enabled user with the role's user role; a disabled one is re-enabled with it.
   * Returns ACTIVE, or ALREADY_ACTIVE when an enabled user has this email. Users are created
   * without password login: Roster does not invent and hand out passwords (use OIDC, or set one).
   */
  @Override
  public InviteOutcome invite(String rawEmail, String role) {
    String email = address(rawEmail, "invite");
    String roleName = ListmonkRoles.roleName(role);
    Optional<User> existing = person(email);
    if (existing.isPresent() && existing.get().enabled()) {
      log.info("listmonk invite skipped email={} outcome=ALREADY_ACTIVE", EmailMask.mask(email));
      return InviteOutcome.ALREADY_ACTIVE;
    }
    long roleId = ListmonkRoles.roleId(client.users().listUserRoles(), roleName);
    if (existing.isPresent()) {
      client.users().updateUser(existing.get(), "enabled", roleId);
      log.info("listmonk user re-enabled email={} role={}", EmailMask.mask(email), role);
      return InviteOutcome.ACTIVE;
    }
    try {
      client
          .users()
          .createUser(ListmonkRoles.username(email), email, localPart(email), "enabled", roleId);
    } catch (Conflict e) {
      // A concurrent attempt created them after our read, or the username belongs to someone
      // else; the listing, not the message, decides.
      Optional<User> raced = person(email);
      if (raced.isEmpty()) {
        throw new Rejected(
            ListmonkClient.VENDOR,
            "invite",
            e.status(),
            e.requestId(),
            "username " + ListmonkRoles.username(email) + " is taken by another user",
            e);
      }
      return invite(email, role);
    }
    log.info("listmonk user created email={} role={}", EmailMask.mask(email), role);
    return InviteOutcome.ACTIVE;
  }

  /** People (not API users): enabled ones ACTIVE, disabled ones ABSENT (they cannot sign in). */
  @Override
  public List<MemberEntry> listMembers() {
    return client.users().listUsers().stream()
        .filter(User::person)
        .map(
            u ->
                new MemberEntry(u.email(), u.enabled() ? MemberStatus.ACTIVE : MemberStatus.ABSENT))
        .toList();
  }

  @Override
  public MemberStatus memberStatus(String email) {
    return person(address(email, "memberStatus"))
        .filter(User::enabled)
        .map(u -> MemberStatus.ACTIVE)
        .orElse(MemberStatus.ABSENT);
  }

  /** listmonk has no invitations, so there is nothing to send again. Always Rejected. */
  @Override
  public void resend(String email) {
    throw new Rejected(
        ListmonkClient.VENDOR, "resendInvitation", 0, null, "listmonk has no invitations");
  }

  /**
   * listmonk has no invitations: nothing is ever pending, so there is nothing to cancel. Returns
   * where the person stands (ACTIVE or ABSENT), never PENDING.
   */
  @Override
  public MemberStatus cancel(String email) {
    MemberStatus status = memberStatus(email);
    log.info(
        "listmonk cancel skipped email={} reason=no_invitations status={}",
        EmailMask.mask(email),
        status);
    return status;
  }

  /**
   * Disables, then deletes the user: if the delete fails, access is already gone and a retry
   * finishes the job. Idempotent. Rejected when it would leave no active Super Admin.
   */
  @Override
  public void remove(String rawEmail) {
    String email = address(rawEmail, "removeMember");
    Optional<User> user = person(email);
    if (user.isEmpty()) {
      log.info("listmonk remove skipped email={} reason=absent", EmailMask.mask(email));
      return;
    }
    User found = user.get();
    try {
      if (found.enabled()) {
        client.users().updateUser(found, "disabled", found.userRoleId());
      }
      client.users().deleteUser(found.id());
    } catch (NotFound gone) {
      log.info("listmonk remove skipped email={} reason=gone", EmailMask.mask(email));
      return;
    }
    log.info("listmonk user removed email={}", EmailMask.mask(email));
  }

  @Override
  public ContactOutcome upsert(ContactData contact) {
    return subscribers.upsert(contact);
  }

  @Override
  public void subscribe(String email, List<String> listIds) {
    subscribers.subscribe(email, listIds);
  }

  @Override
  public ContactFootprint findContact(String email) {
    return subscribers.findContact(email);
  }

  @Override
  public int unsubscribeAll(String email) {
    return subscribers.unsubscribeAll(email);
  }

  /** Blocklists an existing subscriber; an unknown address is left alone (false). */
  @Override
  public boolean suppress(String email) {
    return subscribers.suppress(email);
  }

  /** Deletes the subscriber and reads it back; listmonk deletes any subscriber. */
  @Override
  public EraseOutcome erase(String email) {
    return subscribers.erase(email);
  }

  /**
   * Starts an import, one at a time per instance. Throws a retryable VendorUnavailable while
   * another import runs, so Temporal retries later instead of failing the bulk import.
   */
  public ImportStatus startImport(ImportParams params, String fileName, byte[] csv) {
    return imports.start(params, fileName, csv);
  }

  /** The import session's status. Read-only. */
  public ImportStatus importStatus() {
    return client.importStatus();
  }

  /** The import log text. Read-only. */
  public String importLogs() {
    return client.importLogs();
  }

  private Optional<User> person(String email) {
    return client.users().listUsers().stream()
        .filter(User::person)
        .filter(u -> u.email() != null && u.email().trim().equalsIgnoreCase(email))
        .findFirst();
  }

  private static String localPart(String email) {
    return ListmonkSubscribers.localPart(email);
  }

  private static String address(String email, String operation) {
    return ListmonkSubscribers.address(email, operation);
  }

  /** This account's bulk-import side (BulkImport's chunks and jobs). */
  public BulkImportConnector bulkImports() {
    return bulk;
  }
}
