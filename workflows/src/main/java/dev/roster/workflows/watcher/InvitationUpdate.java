package dev.roster.workflows.watcher;

import dev.roster.workflows.team.MemberStatus;

/**
 * What a watcher tells a waiting workflow: the invitation on {@code account} is now {@code status}
 * ({@code ACTIVE} when accepted, {@code ABSENT} when it disappeared outside Roster).
 */
public record InvitationUpdate(String account, MemberStatus status) {

  /** The signal name the watcher sends; every workflow that waits for invitations accepts it. */
  public static final String SIGNAL = "invitationChanged";
}
