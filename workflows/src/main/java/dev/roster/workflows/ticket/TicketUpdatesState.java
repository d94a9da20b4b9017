package dev.roster.workflows.ticket;

import dev.roster.workflows.notice.Notice;
import java.time.Duration;
import java.util.List;

/**
 * The input of a TicketUpdates run, and what it hands to its next run.
 *
 * @param ticket the ticket number
 * @param tasksAsTickets open an sc_task for each manual task and complete it when closed
 * @param taskPollInterval how often open tasks are checked
 * @param pending notices not yet written
 * @param openTasks manual tasks mirrored as ServiceNow tasks, still open
 * @param written notices written so far (numbers each note's idempotency marker)
 */
public record TicketUpdatesState(
    String ticket,
    boolean tasksAsTickets,
    Duration taskPollInterval,
    List<Notice> pending,
    List<MirroredTask> openTasks,
    int written) {

  /** A manual task mirrored by a ServiceNow task. */
  public record MirroredTask(String workflowId, String taskId, String taskSysId) {}

  public static String workflowId(String ticket) {
    return "ticket-" + ticket;
  }
}
