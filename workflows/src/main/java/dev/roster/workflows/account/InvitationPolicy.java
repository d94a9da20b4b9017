package dev.roster.workflows.account;

import java.time.Duration;

/**
 * How long Roster waits for a person to accept a team invitation.
 *
 * @param pollInterval how often the account's InvitationWatcher lists the vendor's members
 * @param resendAfter resend the invitation once this long after sending it (null: never)
 * @param expireAfter cancel the invitation and report it expired this long after sending it
 */
public record InvitationPolicy(Duration pollInterval, Duration resendAfter, Duration expireAfter) {}
