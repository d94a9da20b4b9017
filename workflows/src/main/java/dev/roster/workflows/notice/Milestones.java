package dev.roster.workflows.notice;

import dev.roster.workflows.control.ControlActivities;
import io.temporal.workflow.Workflow;

/**
 * Posts a request's milestones (started, waiting for an approval or an acceptance, a manual task,
 * done) as notices, which reach the ticket. Only for requests with a ticket; histories recorded
 * before milestones existed replay without them (Workflow.getVersion).
 */
public final class Milestones {
  private final ControlActivities control;
  private final String workflowId;
  private final String ticket;
  private final boolean enabled;

  public Milestones(ControlActivities control, String ticket) {
    this.control = control;
    this.workflowId = Workflow.getInfo().getWorkflowId();
    this.ticket = ticket;
    this.enabled =
        ticket != null
            && Workflow.getVersion("ticket-milestones", Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  public void post(String kind, String text) {
    post(kind, text, null);
  }

  public void post(String kind, String text, String ref) {
    if (enabled) {
      control.notify(new Notice(workflowId, ticket, kind, text, ref));
    }
  }

  /** The final milestone: closes the ticket complete or incomplete. */
  public void done(boolean complete, String summary) {
    post(complete ? Notice.DONE_COMPLETE : Notice.DONE_INCOMPLETE, summary);
  }
}
