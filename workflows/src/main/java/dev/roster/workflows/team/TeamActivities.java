package dev.roster.workflows.team;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * Team-member operations on one vendor account. Run on the account's team activity queue. Every
 * method may throw {@code ApplicationFailure} of type RateLimited or VendorUnavailable (retryable),
 * AuthFailed or Rejected (not retryable); see {@link dev.roster.workflows.failure.FailureTypes}.
 */
@ActivityInterface
public interface TeamActivities {

  /**
   * Invites a person with a Roster role ({@code viewer}, {@code editor}, {@code admin}).
   * Idempotent: a pending invitation or an active member is reported, not an error.
   */
  @ActivityMethod
  InviteOutcome invite(String account, String email, String role);

  /** Lists every member and pending invitation of the account: one vendor listing. */
  @ActivityMethod
  List<MemberEntry> listMembers(String account);

  /** Where one person stands. Costs one listing on vendors that have no per-member lookup. */
  @ActivityMethod
  MemberStatus memberStatus(String account, String email);

  /** Sends a pending invitation again. Not idempotent on the vendor side (each sends an email). */
  @ActivityMethod
  void resendInvitation(String account, String email);

  /**
   * Cancels a pending invitation. Idempotent: no pending invitation is success. Returns where the
   * person stood before: PENDING (now cancelled), ACTIVE (accepted meanwhile: left alone), ABSENT.
   */
  @ActivityMethod
  MemberStatus cancelInvitation(String account, String email);

  /** Removes an active member's access. Idempotent: an absent member is success. */
  @ActivityMethod
  void removeMember(String account, String email);

  /**
   * Gives a member (or a pending invitation) a Roster role ({@code viewer}, {@code editor}, {@code
   * admin}) and confirms it by reading back where the vendor lets it read. Idempotent: the role
   * already held is CHANGED again at no harm. ABSENT when the person is neither; an unknown role is
   * Rejected.
   */
  @ActivityMethod
  RoleChange changeRole(String account, String email, String role);
}
