package dev.roster.workflows.change;

import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.steps.StepState;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How an access change ended, from its accounts' outcomes. Pure, safe in workflow code. */
final class ChangeOutcome {

  /**
   * CANCELLED when withdrawn; COMPLETED when every account is done; REJECTED when the approval
   * refused everything; PARTIAL when some accounts are done; FAILED otherwise.
   */
  static String of(List<AccountReport> accounts, boolean withdrawn) {
    if (withdrawn || count(accounts, StepState.CANCELLED) > 0) {
      return "CANCELLED";
    }
    long done = count(accounts, StepState.DONE);
    long rejected = count(accounts, StepState.REJECTED);
    if (done == accounts.size()) {
      return "COMPLETED";
    }
    if (done == 0 && rejected > 0 && rejected == accounts.size()) {
      return "REJECTED";
    }
    return done == 0 ? "FAILED" : "PARTIAL";
  }

  /** One line: each account and how it ended. */
  static String summary(List<AccountReport> accounts) {
    return accounts.stream()
        .map(a -> a.account() + " " + a.outcome().name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }

  private static long count(List<AccountReport> accounts, StepState state) {
    return accounts.stream().filter(a -> a.outcome() == state).count();
  }

  private ChangeOutcome() {}
}
