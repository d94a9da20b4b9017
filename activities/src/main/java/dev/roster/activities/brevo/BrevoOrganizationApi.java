package dev.roster.activities.brevo;

import dev.roster.activities.brevo.BrevoTransport.Reply;
import dev.roster.activities.brevo.BrevoTypes.OrganizationUser;
import dev.roster.activities.brevo.BrevoTypes.Privilege;
import dev.roster.activities.http.RateBudget;
import dev.roster.workflows.team.MemberStatus;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Brevo's organization endpoints (vendors.md §4): invited users and their invitations, on the
 * organization budget (100 per hour). Thread-safe; throws the {@code dev.roster.activities.http}
 * exceptions.
 */
public final class BrevoOrganizationApi {
  private final BrevoTransport transport;
  private final RateBudget budget;

  BrevoOrganizationApi(BrevoTransport transport, RateBudget budget) {
    this.transport = transport;
    this.budget = budget;
  }

  /**
   * Every user and pending invitee. GET /organization/invited/users. An answer without the {@code
   * users} array is unreadable: an empty listing would make everyone look absent.
   */
  public List<OrganizationUser> listInvitedUsers() {
    Reply reply =
        transport.send(
            "listInvitedUsers", budget, transport.get(transport.url("organization/invited/users")));
    BrevoWire.InvitedUsers body = reply.read(BrevoWire.InvitedUsers.class);
    if (body.users() == null) {
      throw reply.unreadable("no users");
    }
    return body.users().stream()
        .filter(u -> u.email() != null)
        .map(u -> new OrganizationUser(u.email(), Boolean.TRUE.equals(u.isOwner()), status(u)))
        .toList();
  }

  /**
   * Invites a user. POST /organization/user/invitation/send; Brevo acknowledges with {@code
   * {"status":"OK"}}. Not idempotent on Brevo's side.
   */
  public void sendInvitation(String email, boolean allFeaturesAccess, List<Privilege> privileges) {
    HttpUrl.Builder url = transport.url("organization/user/invitation/send");
    transport
        .send(
            "sendInvitation",
            budget,
            transport.post(url, invitation(email, allFeaturesAccess, privileges)))
        .expectAcknowledged();
  }

  private static BrevoWire.SendInvitation invitation(
      String email, boolean allFeaturesAccess, List<Privilege> privileges) {
    var wire =
        privileges.stream()
            .map(p -> new BrevoWire.Privilege(p.feature(), p.permissions()))
            .toList();
    return new BrevoWire.SendInvitation(email, allFeaturesAccess, wire);
  }

  /**
   * Sets an organization user's access. POST /organization/user/update/permissions, the body an
   * invitation has; Brevo answers 403 for someone who is not a user.
   */
  public void updatePermissions(
      String email, boolean allFeaturesAccess, List<Privilege> privileges) {
    HttpUrl.Builder url = transport.url("organization/user/update/permissions");
    transport
        .send(
            "updatePermissions",
            budget,
            transport.post(url, invitation(email, allFeaturesAccess, privileges)))
        .expectAcknowledged();
  }

  /** A user's privileges as Brevo reads them back. GET /organization/user/{email}/permissions. */
  public List<Privilege> permissions(String email) {
    HttpUrl.Builder url =
        transport.url("organization/user").addPathSegment(email).addPathSegment("permissions");
    Reply reply = transport.send("permissions", budget, transport.get(url));
    BrevoWire.UserPermissions body = reply.read(BrevoWire.UserPermissions.class);
    if (body.privileges() == null) {
      throw reply.unreadable("no privileges");
    }
    return body.privileges().stream()
        .map(p -> new Privilege(p.feature(), p.permissions() == null ? List.of() : p.permissions()))
        .toList();
  }

  /** Sends a pending invitation again. PUT /organization/user/invitation/resend/{email}. */
  public void resendInvitation(String email) {
    invitationAction("resendInvitation", "resend", email);
  }

  /** Cancels a pending invitation. PUT /organization/user/invitation/cancel/{email}. */
  public void cancelInvitation(String email) {
    invitationAction("cancelInvitation", "cancel", email);
  }

  /** Removes an active user. PUT /organization/user/invitation/revoke/{email}. */
  public void revokeUser(String email) {
    invitationAction("revokeUser", "revoke", email);
  }

  private void invitationAction(String operation, String action, String email) {
    HttpUrl.Builder url =
        transport.url("organization/user/invitation").addPathSegment(action).addPathSegment(email);
    transport.send(operation, budget, transport.put(url, null)).expectAcknowledged();
  }

  private static MemberStatus status(BrevoWire.InvitedUser user) {
    String status = user.status() == null ? "" : user.status().toLowerCase(Locale.ROOT);
    return switch (status) {
      case "active" -> MemberStatus.ACTIVE;
      case "pending" -> MemberStatus.PENDING;
      // Anything else (none documented) cannot sign in and holds no invitation we know of.
      default -> MemberStatus.ABSENT;
    };
  }
}
