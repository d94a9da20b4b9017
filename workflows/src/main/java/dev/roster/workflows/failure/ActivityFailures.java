package dev.roster.workflows.failure;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;

/** What a failed activity tells a person, as step details and reports show it. */
public final class ActivityFailures {

  /**
   * The failure's type and the activity's own message ({@code Rejected: list 9 not found}), or the
   * cause's message when the activity did not fail with a typed failure (a timeout, a cancel).
   */
  public static String reason(ActivityFailure e) {
    Throwable cause = e.getCause();
    if (cause instanceof ApplicationFailure af) {
      return af.getType() + ": " + af.getOriginalMessage();
    }
    return cause == null ? e.getMessage() : cause.getMessage();
  }

  private ActivityFailures() {}
}
