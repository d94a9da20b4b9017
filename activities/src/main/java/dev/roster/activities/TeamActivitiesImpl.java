package dev.roster.activities;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.spi.TeamConnector;
import dev.roster.workflows.team.InviteOutcome;
import dev.roster.workflows.team.MemberEntry;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.team.RoleChange;
import dev.roster.workflows.team.TeamActivities;
import java.util.List;
import java.util.Map;

/**
 * Team activities for every configured account, routed by account id. Stateless beyond the routing
 * map, so one instance serves all tasks.
 */
public final class TeamActivitiesImpl implements TeamActivities {
  private final ConnectorRouting<TeamConnector> routing;

  /**
   * @param byAccount team connector per account id, e.g. {@code brevo-main}
   */
  public TeamActivitiesImpl(Map<String, TeamConnector> byAccount) {
    this.routing = new ConnectorRouting<>(requireNonNull(byAccount, "byAccount is null"));
  }

  @Override
  public InviteOutcome invite(String account, String email, String role) {
    return routing.call(account, "invite", email, c -> c.invite(email, role));
  }

  @Override
  public List<MemberEntry> listMembers(String account) {
    return routing.call(account, "listMembers", null, TeamConnector::listMembers);
  }

  @Override
  public MemberStatus memberStatus(String account, String email) {
    return routing.call(account, "memberStatus", email, c -> c.memberStatus(email));
  }

  @Override
  public void resendInvitation(String account, String email) {
    routing.run(account, "resendInvitation", email, c -> c.resend(email));
  }

  @Override
  public MemberStatus cancelInvitation(String account, String email) {
    return routing.call(account, "cancelInvitation", email, c -> c.cancel(email));
  }

  @Override
  public void removeMember(String account, String email) {
    routing.run(account, "removeMember", email, c -> c.remove(email));
  }

  @Override
  public RoleChange changeRole(String account, String email, String role) {
    return routing.call(account, "changeRole", email, c -> c.changeRole(email, role));
  }
}
