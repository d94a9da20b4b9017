package dev.roster.workflows.ticket;

import dev.roster.workflows.notice.Notice;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One per ticket ({@link TicketUpdatesState#workflowId}): writes a request's notices to its
 * ServiceNow ticket in order, retrying for as long as ServiceNow needs, so ticket trouble never
 * blocks or fails the vendor work; mirrors manual tasks as ServiceNow tasks and completes them when
 * the task is closed there. Completes when idle.
 */
@WorkflowInterface
public interface TicketUpdatesWorkflow {

  @WorkflowMethod(name = "TicketUpdates")
  void run(TicketUpdatesState state);

  @SignalMethod
  void post(Notice notice);
}
