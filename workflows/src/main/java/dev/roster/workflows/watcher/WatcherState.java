package dev.roster.workflows.watcher;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The input of an InvitationWatcher run; also what it hands to its next run on continue-as-new.
 *
 * <p>A run hands on workflow ids only ({@code waiting}): the check activity looks each waiter's
 * address up when it polls, so the input stays small with tens of thousands of waiters and holds no
 * email. {@code watches} is the shape runs started before that change carried (each with the
 * email); it is still read so that those runs' successors keep every waiter.
 *
 * @param account the vendor account watched
 * @param teamTaskQueue where its team activities run
 * @param pollInterval time between two listings
 * @param watches who was waiting, with their emails (older runs only; empty from now on)
 * @param waiting the workflow ids waiting, oldest first
 */
public record WatcherState(
    String account,
    String teamTaskQueue,
    Duration pollInterval,
    List<Watch> watches,
    List<String> waiting) {

  public WatcherState {
    // Inputs written before 'waiting' existed have no such field; later ones no watches.
    watches = watches == null ? List.of() : List.copyOf(watches);
    waiting = waiting == null ? List.of() : List.copyOf(waiting);
  }

  /** The input of a watcher started for its first waiter (who arrives by signal). */
  public static WatcherState first(String account, String teamTaskQueue, Duration pollInterval) {
    return new WatcherState(account, teamTaskQueue, pollInterval, List.of(), List.of());
  }

  /** The input of this watcher's next run: the same account, the given waiters by id. */
  public WatcherState next(Collection<String> waitingIds) {
    return new WatcherState(
        account, teamTaskQueue, pollInterval, List.of(), List.copyOf(waitingIds));
  }

  public static String workflowId(String account) {
    return "invitation-watcher-" + account;
  }
}
