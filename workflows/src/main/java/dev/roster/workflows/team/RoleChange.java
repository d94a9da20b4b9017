package dev.roster.workflows.team;

/** What changing a person's team role did. */
public enum RoleChange {
  /** An active member now holds the role; the vendor's answer to a read-back says so. */
  CHANGED,
  /** A pending invitation was issued again with the role (the old one withdrawn). */
  REINVITED,
  /** The person is neither a member nor invited: nothing was changed. */
  ABSENT
}
