package dev.roster.workflows.bulkimport;

import java.util.List;

/**
 * What one run of BulkImport hands the next through continue-as-new: cursors and counters only.
 *
 * @param plan the planning pass's summary
 * @param targets how each account takes the import
 * @param accounts each account's cursor and counters
 * @param approvedBy who approved, or null when no approval was needed
 * @param startedAt workflow time the import started, epoch millis (for the ETA)
 * @param runs how many runs came before this one
 * @param invites the team invitations' cursor and counters
 */
public record ImportCarry(
    PlanSummary plan,
    List<BulkTarget> targets,
    List<AccountProgress> accounts,
    String approvedBy,
    long startedAt,
    int runs,
    InviteProgress invites) {

  ImportCarry with(List<AccountProgress> now, InviteProgress invitesNow) {
    return new ImportCarry(plan, targets, now, approvedBy, startedAt, runs, invitesNow);
  }

  ImportCarry approved(String by) {
    return new ImportCarry(plan, targets, accounts, by, startedAt, runs, invites);
  }

  ImportCarry nextRun() {
    return new ImportCarry(plan, targets, accounts, approvedBy, startedAt, runs + 1, invites);
  }

  InviteProgress invitesOrNone() {
    return invites == null ? InviteProgress.none() : invites;
  }
}
