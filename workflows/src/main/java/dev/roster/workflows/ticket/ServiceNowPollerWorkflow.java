package dev.roster.workflows.ticket;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * Poll mode, for instances that cannot reach Roster: polls ServiceNow on a timer and starts the
 * requests of new tickets. Timers and continue-as-new, because the embedded server has no
 * schedules. One instance: {@link #WORKFLOW_ID}.
 */
@WorkflowInterface
public interface ServiceNowPollerWorkflow {
  String WORKFLOW_ID = "servicenow-poller";

  @WorkflowMethod(name = "ServiceNowPoller")
  void run(PollCursor cursor, Duration interval);

  @QueryMethod
  PollCursor cursor();
}
