package dev.roster.workflows.conventions;

import java.util.Locale;
import java.util.Optional;

/** Task-queue names (ARCHITECTURE.md §5). */
public final class TaskQueues {
  /** Workflows and Roster's own control activities. */
  public static final String ROSTER = "roster";

  /** Ticket activities (ServiceNow). */
  public static final String SERVICENOW = "roster-servicenow";

  /**
   * The activity queue of one vendor account and endpoint family, e.g. {@code
   * roster-brevo-main-organization}. Each has its own rate budget.
   */
  public static String activityQueue(String account, String family) {
    return "roster-" + account.toLowerCase(Locale.ROOT) + "-" + family.toLowerCase(Locale.ROOT);
  }

  /**
   * The account of an {@link #activityQueue} ({@code roster-brevo-main-organization} → {@code
   * brevo-main}: families have no '-'); empty for {@link #ROSTER} and {@link #SERVICENOW}.
   */
  public static Optional<String> accountOf(String taskQueue) {
    if (!taskQueue.startsWith("roster-") || taskQueue.equals(SERVICENOW)) {
      return Optional.empty();
    }
    int family = taskQueue.lastIndexOf('-');
    return family <= "roster-".length()
        ? Optional.empty()
        : Optional.of(taskQueue.substring("roster-".length(), family));
  }

  private TaskQueues() {}
}
