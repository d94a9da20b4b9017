package dev.roster.workflows.ticket;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Writes to ServiceNow tickets, on the {@code roster-servicenow} queue with its own rate budget.
 * Tickets are named by number ({@code RITM0010001}); the activities find the record.
 */
@ActivityInterface
public interface TicketActivities {

  /** Appends a work note. Idempotent: a note already posted for this milestone is not repeated. */
  @ActivityMethod
  void addWorkNote(String ticket, String workflowId, String milestone, String text);

  /** Sets the ticket's state ({@code work_in_progress}, {@code closed_complete}, ...). */
  @ActivityMethod
  void setState(String ticket, String state, String closeNotes);

  /**
   * Opens a catalog task on the ticket for a manual task. Idempotent per correlation id; returns
   * the task's sys_id.
   */
  @ActivityMethod
  String openTask(String ticket, String correlationId, String shortDescription, String details);

  /** Who closed the task (its closing user), or null while it is open. */
  @ActivityMethod
  String closedBy(String taskSysId);
}
