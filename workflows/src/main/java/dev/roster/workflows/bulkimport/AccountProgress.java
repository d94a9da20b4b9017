package dev.roster.workflows.bulkimport;

import java.util.List;

/**
 * One account's progress: what {@code progress()} shows and what continue-as-new carries.
 *
 * @param account the account id
 * @param state {@code pending}, {@code importing}, {@code done}, {@code failed}, {@code skipped},
 *     or {@code dry-run} once a dry run ended (nothing was sent)
 * @param detail plain words about the current step or the failure
 * @param next where the next chunk starts
 * @param last whether the chunk before {@code next} was the source's last
 * @param rowsRead rows of the source read so far for this account (valid or not)
 * @param sent valid rows sent to the vendor
 * @param confirmed rows the vendor confirmed imported
 * @param failed rows the vendor refused (in the failure report)
 * @param jobs vendor jobs started
 * @param pending the jobs started and not yet confirmed, oldest first (null or empty: none)
 */
public record AccountProgress(
    String account,
    String state,
    String detail,
    ChunkPosition next,
    boolean last,
    long rowsRead,
    long sent,
    long confirmed,
    long failed,
    int jobs,
    List<PendingJob> pending) {

  public AccountProgress {
    pending = pending == null ? List.of() : List.copyOf(pending);
  }

  public boolean finished() {
    return "done".equals(state) || "failed".equals(state) || "skipped".equals(state);
  }
}
