package dev.roster.workflows.notice;

/**
 * Something people should hear about: a milestone, an approval reminder, a request that needs a
 * hand. Logged always; written to the ticket as a work note when the request has a ticket and
 * ServiceNow is configured.
 *
 * @param workflowId which request
 * @param ticket the ticket it belongs to, or null
 * @param kind one of the constants below (or another plain word)
 * @param text plain words, no email addresses
 * @param ref what the notice is about where it matters: the manual task id for {@link
 *     #MANUAL_TASK}; else null
 */
public record Notice(String workflowId, String ticket, String kind, String text, String ref) {
  public static final String STARTED = "started";
  public static final String WAITING_APPROVAL = "waiting-approval";
  public static final String WAITING_ACCEPTANCE = "waiting-acceptance";
  public static final String MANUAL_TASK = "manual-task";
  public static final String DONE_COMPLETE = "done-complete";
  public static final String DONE_INCOMPLETE = "done-incomplete";

  public Notice(String workflowId, String ticket, String kind, String text) {
    this(workflowId, ticket, kind, text, null);
  }
}
