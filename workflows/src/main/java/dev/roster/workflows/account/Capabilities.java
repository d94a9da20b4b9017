package dev.roster.workflows.account;

/**
 * What a vendor account can do by API (ARCHITECTURE.md §3). Workflows plan from this, never from
 * the vendor type.
 *
 * @param teamInvite how a team member is added (and so removed: MANUAL means by hand both ways)
 * @param contacts whether contacts can be created or updated
 * @param lists whether contacts can be subscribed to and unsubscribed from lists
 * @param suppression whether an address can be suppressed account-wide (never mailed again)
 * @param erasure whether a person's contact data can be erased (GDPR) and checked by reading back
 */
public record Capabilities(
    TeamInvite teamInvite, boolean contacts, boolean lists, boolean suppression, boolean erasure) {

  public enum TeamInvite {
    /** Invitation the person must accept; Roster polls for acceptance. */
    INVITATION,
    /** The member is active as soon as it is created. */
    IMMEDIATE,
    /** No API: a person does it by hand (manual task). */
    MANUAL
  }
}
