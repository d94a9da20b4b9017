package dev.roster.workflows.common;

/**
 * What a vendor account can do by API (ARCHITECTURE.md §3). Workflows plan from this, never from
 * the vendor type.
 *
 * @param teamInvite how a team member is added
 * @param contacts whether contacts can be created or updated
 * @param lists whether contacts can be subscribed to lists
 */
public record Capabilities(TeamInvite teamInvite, boolean contacts, boolean lists) {

  public enum TeamInvite {
    /** Invitation the person must accept; Roster polls for acceptance. */
    INVITATION,
    /** The member is active as soon as it is created. */
    IMMEDIATE,
    /** No API: a person does it by hand (manual task). */
    MANUAL
  }
}
