package dev.roster.activities.spi;

import dev.roster.workflows.account.Capabilities;
import dev.roster.workflows.team.InviteOutcome;
import dev.roster.workflows.team.MemberEntry;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.team.RoleChange;
import java.util.List;

/**
 * Team-member operations of one vendor account. Implementations are thread-safe and throw the
 * unchecked {@code dev.roster.activities.http.VendorException} hierarchy: RateLimited and
 * VendorUnavailable (retryable), AuthFailed and Rejected (not).
 */
public interface TeamConnector {

  /** What the account can do; the same for every call. */
  Capabilities capabilities();

  /** The endpoint family of team calls, e.g. {@code organization}; names the task queue. */
  String teamFamily();

  /**
   * Invites a person with a Roster role ({@code viewer}, {@code editor}, {@code admin}).
   * Idempotent: reports ALREADY_PENDING / ALREADY_ACTIVE instead of inviting twice. An unknown role
   * throws Rejected.
   */
  InviteOutcome invite(String email, String role);

  /** Every member and pending invitation. Read-only. */
  List<MemberEntry> listMembers();

  /** Where one person stands; ABSENT when neither invited nor a member. Read-only. */
  MemberStatus memberStatus(String email);

  /** Sends a pending invitation again. Not idempotent: each call sends an email. */
  void resend(String email);

  /**
   * Cancels a pending invitation. Idempotent: nothing pending is success. Returns where the person
   * stood before: PENDING (now cancelled), ACTIVE (accepted meanwhile: left alone) or ABSENT.
   */
  MemberStatus cancel(String email);

  /**
   * Removes a member's access, cancelling a still-pending invitation. Idempotent: an absent person
   * is success.
   */
  void remove(String email);

  /**
   * Gives a member, or a pending invitation, a Roster role and confirms it by reading back where
   * the vendor can. Returns CHANGED, REINVITED (a pending invitation issued again with the role) or
   * ABSENT (nothing to change). An unknown role throws Rejected; a read-back that disagrees throws
   * VendorUnavailable (retryable: the write may not have landed yet).
   */
  RoleChange changeRole(String email, String role);
}
