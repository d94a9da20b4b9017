package dev.roster.activities.mailersend;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.AuthFailed;
import dev.roster.activities.http.EmailMask;
import dev.roster.activities.http.NotFound;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.activities.mailersend.MailerSendTypes.Invite;
import dev.roster.activities.mailersend.MailerSendTypes.User;
import dev.roster.activities.spi.ConnectorInput;
import dev.roster.activities.spi.InviteOnce;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.workflows.account.Capabilities;
import dev.roster.workflows.team.InviteOutcome;
import dev.roster.workflows.team.MemberEntry;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.team.RoleChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team side of a MailerSend account: users, and invites the person accepts (vendors.md §2). Two
 * listings (invites, users) make up where a person stands.
 */
public final class MailerSendTeam implements TeamConnector {
  private static final Logger log = LoggerFactory.getLogger(MailerSendTeam.class);

  private final MailerSendClient client;

  public MailerSendTeam(MailerSendClient client) {
    this.client = requireNonNull(client, "client is null");
  }

  @Override
  public Capabilities capabilities() {
    return MailerSendConnector.CAPABILITIES;
  }

  @Override
  public String teamFamily() {
    return MailerSendConnector.TEAM_FAMILY;
  }

  @Override
  public InviteOutcome invite(String rawEmail, String role) {
    String email = address(rawEmail, "invite");
    MailerSendRoles.Access access = MailerSendRoles.forRole(role);
    return InviteOnce.invite(
        MailerSendClient.VENDOR,
        email,
        this::memberStatus,
        () -> {
          client.inviteUser(email, access.role(), access.permissions());
          log.info("mailersend invite sent email={} role={}", EmailMask.mask(email), access.role());
        },
        // "email: The email has already been taken." after a concurrent invite.
        e -> e instanceof Rejected);
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

  /**
   * A user gets the role's role and permissions (PUT /users/{id}), read back with GET /users/{id};
   * a pending invite cannot be edited, so it is cancelled and sent again with the new role.
   */
  @Override
  public RoleChange changeRole(String rawEmail, String role) {
    String email = address(rawEmail, "changeRole");
    MailerSendRoles.Access access = MailerSendRoles.forRole(role);
    Optional<User> user = findUser(email);
    if (user.isPresent()) {
      client.updateUser(user.get().id(), access.role(), access.permissions());
      User readBack = client.getUser(user.get().id());
      if (!access.role().equals(readBack.role())
          || !readBack.permissions().containsAll(access.permissions())) {
        throw new VendorUnavailable(
            MailerSendClient.VENDOR,
            "changeRole",
            0,
            null,
            "the user still reads back as " + readBack.role() + " instead of " + access.role());
      }
      log.info("mailersend role changed email={} role={}", EmailMask.mask(email), access.role());
      return RoleChange.CHANGED;
    }
    Optional<Invite> invite = findInvite(email);
    if (invite.isEmpty()) {
      log.info("mailersend role change skipped email={} reason=absent", EmailMask.mask(email));
      return RoleChange.ABSENT;
    }
    if (!access.role().equals(invite.get().role())
        || !invite.get().permissions().equals(access.permissions())) {
      client.cancelInvite(invite.get().id());
      client.inviteUser(email, access.role(), access.permissions());
    }
    log.info("mailersend invite re-issued email={} role={}", EmailMask.mask(email), access.role());
    return RoleChange.REINVITED;
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
    return ConnectorInput.address(MailerSendClient.VENDOR, email, operation);
  }

  private static String lower(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }
}
