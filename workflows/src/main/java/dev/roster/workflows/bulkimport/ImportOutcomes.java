package dev.roster.workflows.bulkimport;

import java.util.List;

/**
 * How an import starts and how it ended, from its carried state: the accounts' first progress, the
 * ticket's first note, and the outcome. Pure functions, safe in workflow code.
 */
final class ImportOutcomes {

  /** Every account waiting to start, or skipped when it takes no contacts. */
  static List<AccountProgress> initial(PlanSummary plan, List<BulkTarget> targets) {
    return targets.stream()
        .map(
            t ->
                new AccountProgress(
                    t.account(),
                    t.supported() ? "pending" : "skipped",
                    t.supported() ? "waiting to start" : t.reason(),
                    plan.first(),
                    plan.valid() == 0 && plan.rowsRead() == 0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    null))
        .toList();
  }

  /** The ticket's note once the source is planned. */
  static String startedNotice(PlanSummary plan, List<String> accounts, boolean dryRun) {
    return (dryRun ? "Dry run of a bulk import into " : "Bulk import into ")
        + String.join(", ", accounts)
        + ": "
        + plan.rowsRead()
        + " rows read, "
        + plan.valid()
        + " valid, "
        + plan.invalid()
        + " invalid"
        + (plan.withTeamRole() > 0 ? ", " + plan.withTeamRole() + " asking for team access" : "")
        + ".";
  }

  /**
   * COMPLETED when every account took its contacts (or, keeping no contacts, took the team
   * invitations asked of it) and nothing was refused; FAILED when nothing at all succeeded; PARTIAL
   * otherwise.
   */
  static String outcome(ImportCarry carry) {
    List<AccountProgress> all = carry.accounts();
    InviteProgress invites = carry.invitesOrNone();
    long failedAccounts = all.stream().filter(a -> accountFailed(carry, a, invites)).count();
    boolean anythingDone =
        all.stream().anyMatch(a -> "done".equals(a.state())) || invites.invited() > 0;
    if (!anythingDone) {
      return "FAILED";
    }
    boolean rowsFailed = all.stream().anyMatch(a -> a.failed() > 0) || invites.failed() > 0;
    return failedAccounts > 0 || rowsFailed ? "PARTIAL" : "COMPLETED";
  }

  /** An account that keeps no contacts is not a failure when it was there for invitations. */
  private static boolean accountFailed(
      ImportCarry carry, AccountProgress a, InviteProgress invites) {
    if ("done".equals(a.state())) {
      return false;
    }
    if ("skipped".equals(a.state())) {
      BulkTarget t =
          carry.targets().stream()
              .filter(x -> x.account().equals(a.account()))
              .findFirst()
              .orElseThrow();
      return t.vendor() == null || invites.asked() == 0;
    }
    return true;
  }

  /** After a dry run: every importing account says so instead of waiting to start. */
  static List<AccountProgress> dryRun(ImportCarry carry) {
    long valid = carry.plan().valid();
    return carry.accounts().stream()
        .map(
            a ->
                "skipped".equals(a.state())
                    ? a
                    : new AccountProgress(
                        a.account(),
                        DRY_RUN_STATE,
                        "DRY_RUN: nothing sent; " + valid + " valid rows would be imported",
                        a.next(),
                        a.last(),
                        a.rowsRead(),
                        a.sent(),
                        a.confirmed(),
                        a.failed(),
                        a.jobs(),
                        a.pending()))
        .toList();
  }

  /** An account's state after a dry run. */
  static final String DRY_RUN_STATE = "dry-run";

  private ImportOutcomes() {}
}
