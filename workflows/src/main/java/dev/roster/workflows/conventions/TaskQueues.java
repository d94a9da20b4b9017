package dev.roster.workflows.conventions;

import java.util.Locale;

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

  private TaskQueues() {}
}
