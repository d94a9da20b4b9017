package dev.roster.workflows.team;

/** What sending an invitation did. */
public enum InviteOutcome {
  /** A new invitation went out; acceptance is pending. */
  INVITED,
  /** An invitation was already pending; nothing new was sent. */
  ALREADY_PENDING,
  /** The person is already an active member: success, nothing to wait for. */
  ALREADY_ACTIVE,
  /** The vendor made the member active at once (no acceptance step). */
  ACTIVE
}
