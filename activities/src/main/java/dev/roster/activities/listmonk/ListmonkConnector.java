package dev.roster.activities.listmonk;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.Conflict;
import dev.roster.activities.http.EmailMask;
import dev.roster.activities.http.NotFound;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.listmonk.ListmonkTypes.ImportParams;
import dev.roster.activities.listmonk.ListmonkTypes.ImportStatus;
import dev.roster.activities.listmonk.ListmonkTypes.MailingList;
import dev.roster.activities.listmonk.ListmonkTypes.Subscriber;
import dev.roster.activities.listmonk.ListmonkTypes.User;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.workflows.common.Capabilities;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.contacts.ContactOutcome;
import dev.roster.workflows.team.InviteOutcome;
import dev.roster.workflows.team.MemberEntry;
import dev.roster.workflows.team.MemberStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listmonk instance as Roster sees it: users that are active as soon as they are created (no
 * invitations exist), subscribers, lists, blocklist and the one-at-a-time import.
 */
public final class ListmonkConnector implements TeamConnector, ContactConnector {
  private static final Logger log = LoggerFactory.getLogger(ListmonkConnector.class);

  /** Users are active at once; subscribers and lists by API. */
  public static final Capabilities CAPABILITIES =
      new Capabilities(Capabilities.TeamInvite.IMMEDIATE, true, true);

  /** listmonk has no endpoint families: one budget protects the whole instance. */
  public static final String FAMILY = "api";

  private final ListmonkClient client;
  private final ListmonkImports imports;

  public ListmonkConnector(ListmonkClient client) {
    this.client = requireNonNull(client, "client is null");
    this.imports = new ListmonkImports(client);
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
    long roleId = ListmonkRoles.roleId(client.listUserRoles(), roleName);
    if (existing.isPresent()) {
      client.updateUser(existing.get(), "enabled", roleId);
      log.info("listmonk user re-enabled email={} role={}", EmailMask.mask(email), role);
      return InviteOutcome.ACTIVE;
    }
    try {
      client.createUser(ListmonkRoles.username(email), email, localPart(email), "enabled", roleId);
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
    return client.listUsers().stream()
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
        client.updateUser(found, "disabled", found.userRoleId());
      }
      client.deleteUser(found.id());
    } catch (NotFound gone) {
      log.info("listmonk remove skipped email={} reason=gone", EmailMask.mask(email));
      return;
    }
    log.info("listmonk user removed email={}", EmailMask.mask(email));
  }

  /**
   * Creates the subscriber, or on 409 replaces the existing one keeping its lists, status and other
   * attributes: PUT is a full replace that drops omitted lists (vendors.md §3).
   */
  @Override
  public ContactOutcome upsert(ContactData contact) {
    String email = address(contact == null ? null : contact.email(), "upsertContact");
    String name = ListmonkRoles.fullName(contact.firstName(), contact.lastName());
    Map<String, Object> attribs = new LinkedHashMap<>();
    if (contact.attributes() != null) {
      attribs.putAll(contact.attributes());
    }
    try {
      client.createSubscriber(email, name == null ? localPart(email) : name, attribs, List.of());
      log.info("listmonk subscriber created email={}", EmailMask.mask(email));
      return ContactOutcome.CREATED;
    } catch (Conflict exists) {
      Subscriber s = client.findByEmail(email).orElseThrow(() -> exists);
      Map<String, Object> merged = new LinkedHashMap<>(s.attribs());
      merged.putAll(attribs);
      client.replaceSubscriber(
          s.id(),
          s.email(),
          name == null ? s.name() : name,
          s.status(),
          merged,
          new ArrayList<>(s.subscriptions().keySet()));
      log.info("listmonk subscriber updated email={}", EmailMask.mask(email));
      return ContactOutcome.UPDATED;
    }
  }

  /** Adds the subscriber to the lists as confirmed. Idempotent. */
  @Override
  public void subscribe(String rawEmail, List<String> listIds) {
    String email = address(rawEmail, "subscribe");
    List<Long> ids = listIds.stream().map(ListmonkConnector::parseListId).toList();
    Set<Long> known = client.listLists().stream().map(MailingList::id).collect(Collectors.toSet());
    for (long id : ids) {
      if (!known.contains(id)) {
        throw new Rejected(
            ListmonkClient.VENDOR, "subscribe", 0, null, "list " + id + " does not exist");
      }
    }
    Subscriber s = require(email, "subscribe");
    client.changeLists(List.of(s.id()), "add", ids, "confirmed");
    log.info("listmonk subscriber subscribed email={} lists={}", EmailMask.mask(email), ids);
  }

  /** Unsubscribes from every list. Idempotent; false when no such subscriber exists. */
  public boolean unsubscribeAll(String rawEmail) {
    Optional<Subscriber> s = client.findByEmail(address(rawEmail, "unsubscribeAll"));
    if (s.isEmpty()) {
      return false;
    }
    List<Long> active =
        s.get().subscriptions().entrySet().stream()
            .filter(e -> !"unsubscribed".equals(e.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    if (!active.isEmpty()) {
      client.changeLists(List.of(s.get().id()), "unsubscribe", active, null);
    }
    return true;
  }

  /** Blocklists the subscriber (global suppression). Idempotent; false when absent. */
  public boolean blocklist(String rawEmail) {
    Optional<Subscriber> s = client.findByEmail(address(rawEmail, "blocklist"));
    s.ifPresent(found -> client.blocklistSubscriber(found.id()));
    return s.isPresent();
  }

  /** Deletes the subscriber and its history (GDPR erasure). Idempotent; false when absent. */
  public boolean erase(String rawEmail) {
    Optional<Subscriber> s = client.findByEmail(address(rawEmail, "erase"));
    s.ifPresent(found -> client.deleteSubscriber(found.id()));
    return s.isPresent();
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

  private Subscriber require(String email, String operation) {
    return client
        .findByEmail(email)
        .orElseThrow(
            () ->
                new Rejected(
                    ListmonkClient.VENDOR,
                    operation,
                    0,
                    null,
                    "subscriber does not exist; upsert it before subscribing"));
  }

  private Optional<User> person(String email) {
    return client.listUsers().stream()
        .filter(User::person)
        .filter(u -> u.email() != null && u.email().trim().equalsIgnoreCase(email))
        .findFirst();
  }

  private static long parseListId(String listId) {
    try {
      return Long.parseLong(listId.trim());
    } catch (NumberFormatException | NullPointerException e) {
      throw new Rejected(
          ListmonkClient.VENDOR,
          "subscribe",
          0,
          null,
          "list id '" + listId + "' is not a listmonk list id (a number)");
    }
  }

  private static String localPart(String email) {
    int at = email.indexOf('@');
    return at > 0 ? email.substring(0, at) : email;
  }

  /** The trimmed address; a missing one is the caller's mistake, not worth a retry. */
  private static String address(String email, String operation) {
    if (email == null || email.isBlank()) {
      throw new Rejected(ListmonkClient.VENDOR, operation, 0, null, "email is missing");
    }
    return email.trim();
  }
}
