package dev.roster.workflows.bulkimport;

import java.util.List;

/**
 * What {@code progress()} answers.
 *
 * @param phase {@code planning}, {@code approval}, {@code importing}, {@code done}
 * @param rowsRead data rows in the source (known once planned)
 * @param valid rows to import per account
 * @param invalid rows refused by validation
 * @param sent valid rows sent, summed over accounts
 * @param confirmed rows confirmed by the vendors, summed over accounts
 * @param failed rows the vendors refused, summed over accounts
 * @param total rows to import over all accounts (valid × accounts importing)
 * @param startedAt workflow time the import started, epoch millis
 * @param now workflow time of this answer, epoch millis
 * @param runs continue-as-new runs so far
 * @param failureReport the failure CSV
 * @param accounts per account
 * @param invitations the team invitations (child OnboardUser workflows)
 */
public record ImportProgress(
    String phase,
    long rowsRead,
    long valid,
    long invalid,
    long sent,
    long confirmed,
    long failed,
    long total,
    long startedAt,
    long now,
    int runs,
    String failureReport,
    List<AccountProgress> accounts,
    InviteProgress invitations) {}
