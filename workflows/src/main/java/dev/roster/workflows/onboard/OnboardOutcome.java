package dev.roster.workflows.onboard;

import dev.roster.workflows.steps.StepState;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** How an onboarding ended, from its accounts' outcomes. */
final class OnboardOutcome {

  /**
   * CANCELLED when any account was cancelled; COMPLETED when every account is done; REJECTED when
   * the approval refused everything; PARTIAL when some accounts are done; FAILED otherwise.
   */
  static String of(Collection<AccountOnboarding> accounts) {
    if (count(accounts, StepState.CANCELLED) > 0) {
      return "CANCELLED";
    }
    long done = count(accounts, StepState.DONE);
    long rejected = count(accounts, StepState.REJECTED);
    if (done == accounts.size()) {
      return "COMPLETED";
    }
    if (rejected > 0 && done + rejected == accounts.size()) {
      return done == 0 ? "REJECTED" : "PARTIAL";
    }
    return done == 0 ? "FAILED" : "PARTIAL";
  }

  /** One line: each account and how it ended. */
  static String summary(Collection<AccountOnboarding> accounts) {
    return accounts.stream()
        .map(a -> a.account() + " " + a.outcome().name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }

  private static long count(Collection<AccountOnboarding> accounts, StepState state) {
    return accounts.stream().filter(a -> a.outcome() == state).count();
  }

  private OnboardOutcome() {}
}
