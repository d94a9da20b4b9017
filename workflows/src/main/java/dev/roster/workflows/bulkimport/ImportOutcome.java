package dev.roster.workflows.bulkimport;

import java.util.List;
import java.util.function.Function;

/** How an import that ran ended, from its carried counters. Pure functions. */
final class ImportOutcome {

  /**
   * COMPLETED when every account took its contacts (or, keeping no contacts, took the team
   * invitations asked of it) and nothing was refused; FAILED when nothing at all succeeded; PARTIAL
   * otherwise.
   *
   * @param targets the target of an account id
   */
  static String of(ImportCarry carry, Function<String, BulkTarget> targets) {
    List<AccountProgress> all = carry.accounts();
    InviteProgress invites = carry.invitesOrNone();
    long failedAccounts = all.stream().filter(a -> accountFailed(a, invites, targets)).count();
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
      AccountProgress a, InviteProgress invites, Function<String, BulkTarget> targets) {
    if ("done".equals(a.state())) {
      return false;
    }
    if ("skipped".equals(a.state())) {
      BulkTarget t = targets.apply(a.account());
      return t.vendor() == null || invites.asked() == 0;
    }
    return true;
  }

  private ImportOutcome() {}
}
