package dev.roster.workflows.ticket;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Poll mode's intake, on the {@code roster-servicenow} queue. */
@ActivityInterface
public interface TicketIntakeActivities {

  /**
   * Reads the tickets changed since the cursor and starts their requests (onboard/offboard, by the
   * ticket's {@code roster_operation} variable), attaching to a running one with the same id.
   * Idempotent: a ticket seen twice starts one workflow.
   */
  @ActivityMethod
  PollResult pollAndStart(PollCursor cursor);
}
