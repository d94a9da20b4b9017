package dev.roster.workflows.bulkimport;

/**
 * The invitation window's cursor and counters: what {@code progress()} shows and what
 * continue-as-new carries.
 *
 * @param batchAt where the current batch of invitation rows starts; null once every row asking for
 *     team access has been started (or when none asks)
 * @param taken rows of the current batch already started as child workflows
 * @param asked valid rows asking for team access (from the plan)
 * @param started child OnboardUser workflows started
 * @param invited children whose invitations all went out
 * @param failed children that could not invite on some account, or did not start
 * @param inFlight children started whose invitations are not out yet
 */
public record InviteProgress(
    ChunkPosition batchAt,
    int taken,
    long asked,
    long started,
    long invited,
    long failed,
    int inFlight) {

  static InviteProgress none() {
    return new InviteProgress(null, 0, 0, 0, 0, 0, 0);
  }

  public boolean finished() {
    return batchAt == null && inFlight == 0;
  }
}
