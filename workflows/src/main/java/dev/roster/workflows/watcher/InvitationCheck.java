package dev.roster.workflows.watcher;

import java.util.List;

/**
 * What one check of an account found about its watcher's waiters. Waiters not named here still
 * wait. No email: the ids are all the watcher needs.
 *
 * @param settled waiters to tell, in the watcher's order
 * @param gone waiters that no longer exist (or whose request names no address): nobody to tell
 */
public record InvitationCheck(List<SettledInvitation> settled, List<String> gone) {

  public InvitationCheck {
    settled = settled == null ? List.of() : List.copyOf(settled);
    gone = gone == null ? List.of() : List.copyOf(gone);
  }
}
