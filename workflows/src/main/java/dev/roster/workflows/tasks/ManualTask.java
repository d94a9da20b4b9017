package dev.roster.workflows.tasks;

/**
 * A step a vendor's API cannot do (ARCHITECTURE.md §3), so a person does it and confirms with the
 * {@code completeManualTask} signal. Never silently skipped.
 *
 * @param workflowId the request it belongs to
 * @param taskId unique within the request, e.g. {@code mailjet-main-invite}
 * @param account the vendor account
 * @param instructions what the person must do, in plain words
 * @param openedAt workflow time, ISO-8601
 * @param completedBy who confirmed it, or null while open
 * @param note what they said, or null
 */
public record ManualTask(
    String workflowId,
    String taskId,
    String account,
    String instructions,
    String openedAt,
    String completedBy,
    String note) {

  /**
   * True while no one has completed it. Not named {@code isOpen}: payload records must not grow
   * bean properties, or the JSON converter would write a field it cannot read back.
   */
  public boolean open() {
    return completedBy == null;
  }

  /** Who completed it and, when they said something, what: {@code "dave: done in the UI"}. */
  public String completion() {
    return completedBy + (note == null || note.isBlank() ? "" : ": " + note);
  }

  /**
   * Instructions for a team change done in a vendor's web UI: {@code what}, then how to confirm it.
   */
  public static String inVendorUi(String what, String workflowId, String taskId) {
    return what
        + " in the vendor's web UI (it has no API for team members), then run: roster"
        + " complete-task "
        + workflowId
        + " "
        + taskId
        + " --by NAME";
  }
}
