package dev.roster.activities.brevo;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.brevo.BrevoTypes.OrganizationUser;
import dev.roster.activities.brevo.BrevoTypes.Privilege;
import dev.roster.activities.http.AuthFailed;
import dev.roster.activities.http.Conflict;
import dev.roster.activities.http.EmailMask;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.activities.spi.ConnectorInput;
import dev.roster.activities.spi.InviteOnce;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.workflows.account.Capabilities;
import dev.roster.workflows.team.InviteOutcome;
import dev.roster.workflows.team.MemberEntry;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.team.RoleChange;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team side of a Brevo account: members by invitation (vendors.md §4), which the person
 * accepts; resend, cancel and revoke. Brevo answers 403 both for a bad key and for "not in that
 * state", so each action that meets a 403 reads the listing before it decides.
 */
public final class BrevoTeam implements TeamConnector {
  private static final Logger log = LoggerFactory.getLogger(BrevoTeam.class);

  private final BrevoOrganizationApi organization;

  public BrevoTeam(BrevoOrganizationApi organization) {
    this.organization = requireNonNull(organization, "organization is null");
  }

  @Override
  public Capabilities capabilities() {
    return BrevoConnector.CAPABILITIES;
  }

  @Override
  public String teamFamily() {
    return BrevoConnector.TEAM_FAMILY;
  }

  @Override
  public InviteOutcome invite(String rawEmail, String role) {
    String email = address(rawEmail, "invite");
    BrevoRoles.Access access = BrevoRoles.forRole(role);
    return InviteOnce.invite(
        BrevoClient.VENDOR,
        email,
        this::memberStatus,
        () -> {
          organization.sendInvitation(email, access.allFeaturesAccess(), access.privileges());
          log.info("brevo invitation sent email={} role={}", EmailMask.mask(email), role);
        },
        // "user already exists" after a concurrent or earlier attempt.
        e -> e instanceof Rejected || e instanceof Conflict);
  }

  @Override
  public List<MemberEntry> listMembers() {
    return organization.listInvitedUsers().stream()
        .map(u -> new MemberEntry(u.email(), u.status()))
        .toList();
  }

  @Override
  public MemberStatus memberStatus(String email) {
    return find(email).map(OrganizationUser::status).orElse(MemberStatus.ABSENT);
  }

  private Optional<OrganizationUser> find(String email) {
    String wanted = address(email, "memberStatus");
    return organization.listInvitedUsers().stream()
        .filter(u -> u.email().trim().equalsIgnoreCase(wanted))
        .findFirst();
  }

  @Override
  public void resend(String rawEmail) {
    String email = address(rawEmail, "resendInvitation");
    try {
      organization.resendInvitation(email);
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
      organization.cancelInvitation(user.get().email());
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
        organization.cancelInvitation(found.email());
      } else {
        organization.revokeUser(found.email());
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

  /**
   * An active user's access is updated and read back from its permissions (an all-features admin
   * reads back whatever Brevo lists, so only a custom access is compared); a pending invitation is
   * cancelled and sent again with the new access. The owner's access is never changed.
   */
  @Override
  public RoleChange changeRole(String rawEmail, String role) {
    String email = address(rawEmail, "changeRole");
    BrevoRoles.Access access = BrevoRoles.forRole(role);
    Optional<OrganizationUser> user = find(email).filter(u -> u.status() != MemberStatus.ABSENT);
    if (user.isEmpty()) {
      log.info("brevo role change skipped email={} reason=absent", EmailMask.mask(email));
      return RoleChange.ABSENT;
    }
    if (user.get().owner()) {
      throw new Rejected(
          BrevoClient.VENDOR, "changeRole", 0, null, "the account owner's access cannot change");
    }
    if (user.get().status() == MemberStatus.PENDING) {
      organization.cancelInvitation(user.get().email());
      organization.sendInvitation(email, access.allFeaturesAccess(), access.privileges());
      log.info("brevo invitation re-issued email={} role={}", EmailMask.mask(email), role);
      return RoleChange.REINVITED;
    }
    organization.updatePermissions(
        user.get().email(), access.allFeaturesAccess(), access.privileges());
    List<Privilege> readBack = organization.permissions(user.get().email());
    if (!access.allFeaturesAccess()
        && !Set.copyOf(readBack).equals(Set.copyOf(access.privileges()))) {
      throw new VendorUnavailable(
          BrevoClient.VENDOR,
          "changeRole",
          0,
          null,
          "the user's permissions do not read back as the " + role + " role's yet");
    }
    log.info("brevo role changed email={} role={}", EmailMask.mask(email), role);
    return RoleChange.CHANGED;
  }

  private static String address(String email, String operation) {
    return ConnectorInput.address(BrevoClient.VENDOR, email, operation);
  }
}
