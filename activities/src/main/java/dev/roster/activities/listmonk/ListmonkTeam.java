package dev.roster.activities.listmonk;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.Conflict;
import dev.roster.activities.http.EmailMask;
import dev.roster.activities.http.NotFound;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.activities.listmonk.ListmonkTypes.User;
import dev.roster.activities.spi.ConnectorInput;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.workflows.account.Capabilities;
import dev.roster.workflows.team.InviteOutcome;
import dev.roster.workflows.team.MemberEntry;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.team.RoleChange;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team side of a listmonk instance: users, active as soon as they are created (listmonk has no
 * invitations), with a user role looked up by name (vendors.md §3).
 */
public final class ListmonkTeam implements TeamConnector {
  private static final Logger log = LoggerFactory.getLogger(ListmonkTeam.class);

  private final ListmonkUsersApi users;

  public ListmonkTeam(ListmonkUsersApi users) {
    this.users = requireNonNull(users, "users is null");
  }

  @Override
  public Capabilities capabilities() {
    return ListmonkConnector.CAPABILITIES;
  }

  @Override
  public String teamFamily() {
    return ListmonkConnector.FAMILY;
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
    long roleId = ListmonkRoles.roleId(users.listUserRoles(), roleName, "invite");
    if (existing.isPresent()) {
      users.updateUser(existing.get(), "enabled", roleId);
      log.info("listmonk user re-enabled email={} role={}", EmailMask.mask(email), role);
      return InviteOutcome.ACTIVE;
    }
    try {
      users.createUser(ListmonkRoles.username(email), email, localPart(email), "enabled", roleId);
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
    return users.listUsers().stream()
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
        users.updateUser(found, "disabled", found.userRoleId());
      }
      users.deleteUser(found.id());
    } catch (NotFound gone) {
      log.info("listmonk remove skipped email={} reason=gone", EmailMask.mask(email));
      return;
    }
    log.info("listmonk user removed email={}", EmailMask.mask(email));
  }

  /**
   * Sets an enabled user's user role (PUT /api/users/{id}, the role's id looked up by name) and
   * reads the user back. A disabled user cannot sign in, so it is ABSENT and left alone.
   */
  @Override
  public RoleChange changeRole(String rawEmail, String role) {
    String email = address(rawEmail, "changeRole");
    String roleName = ListmonkRoles.roleName(role);
    Optional<User> user = person(email).filter(User::enabled);
    if (user.isEmpty()) {
      log.info("listmonk role change skipped email={} reason=absent", EmailMask.mask(email));
      return RoleChange.ABSENT;
    }
    long roleId = ListmonkRoles.roleId(users.listUserRoles(), roleName, "changeRole");
    users.updateUser(user.get(), "enabled", roleId);
    long readBack = users.getUser(user.get().id()).userRoleId();
    if (readBack != roleId) {
      throw new VendorUnavailable(
          ListmonkClient.VENDOR,
          "changeRole",
          0,
          null,
          "the user still reads back with user role " + readBack + " instead of " + roleId);
    }
    log.info("listmonk role changed email={} role={}", EmailMask.mask(email), role);
    return RoleChange.CHANGED;
  }

  private Optional<User> person(String email) {
    return users.listUsers().stream()
        .filter(User::person)
        .filter(u -> u.email() != null && u.email().trim().equalsIgnoreCase(email))
        .findFirst();
  }

  private static String localPart(String email) {
    return ListmonkSubscribers.localPart(email);
  }

  private static String address(String email, String operation) {
    return ConnectorInput.address(ListmonkClient.VENDOR, email, operation);
  }
}
