package dev.roster.workflows.watcher;

import java.time.Duration;
import java.util.List;

/**
 * The input of an InvitationWatcher run; also what it hands to its next run on continue-as-new.
 *
 * @param account the vendor account watched
 * @param teamTaskQueue where its team activities run
 * @param pollInterval time between two listings
 * @param watches who is waiting, oldest first
 */
public record WatcherState(
    String account, String teamTaskQueue, Duration pollInterval, List<Watch> watches) {

  public static String workflowId(String account) {
    return "invitation-watcher-" + account;
  }
}
