package dev.roster.activities.control;

import java.time.Duration;

/**
 * Whether notices reach ServiceNow tickets, and how manual tasks are mirrored there.
 *
 * @param enabled ServiceNow is configured: notices of requests with a ticket are written to it
 * @param tasksAsTickets open an sc_task per manual task and complete it when closed
 * @param taskPollInterval how often mirrored tasks are checked
 */
public record TicketSettings(boolean enabled, boolean tasksAsTickets, Duration taskPollInterval) {
  public static final TicketSettings DISABLED =
      new TicketSettings(false, false, Duration.ofMinutes(1));
}
