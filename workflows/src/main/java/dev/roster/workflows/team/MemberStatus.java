package dev.roster.workflows.team;

/** Where a person stands in a vendor account's team. */
public enum MemberStatus {
  /** Invited, not yet accepted. */
  PENDING,
  /** A member who can sign in. */
  ACTIVE,
  /** Neither invited nor a member. */
  ABSENT
}
