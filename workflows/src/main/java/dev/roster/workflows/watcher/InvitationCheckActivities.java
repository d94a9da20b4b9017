package dev.roster.workflows.watcher;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The InvitationWatcher's poll, on the account's team activity queue: one vendor listing for every
 * waiter, matched to the waiters by address without any address travelling in a payload.
 */
@ActivityInterface
public interface InvitationCheckActivities {

  /**
   * Reads the ids waiting on the watcher {@code watcherId} (its {@code waitingPage} query, page by
   * page), looks up the address each waiter's request names, lists the account's members once, and
   * reports the waiters whose invitation is no longer pending and those that no longer exist.
   * Idempotent (reads only); heartbeats while it looks waiters up.
   *
   * @throws io.temporal.failure.ApplicationFailure RateLimited or VendorUnavailable (retryable),
   *     AuthFailed, Rejected or UnknownAccount (not retryable), as the listing fails
   */
  @ActivityMethod
  InvitationCheck checkInvitations(String account, String watcherId);
}
