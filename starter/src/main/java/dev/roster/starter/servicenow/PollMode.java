package dev.roster.starter.servicenow;

import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.config.ServiceNowConfig;
import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.ticket.PollCursor;
import dev.roster.workflows.ticket.ServiceNowPollerWorkflow;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.List;

/** Poll mode's poller workflow (its intake activities are {@link PollModeModule}'s). */
public final class PollMode {

  /** Starts the poller (or leaves the running one be) in poll mode; returns its id, or null. */
  public static String startPoller(RosterConfig config, WorkflowClient client) {
    ServiceNowConfig sn = config.servicenow();
    if (!sn.enabled() || !sn.pollMode()) {
      return null;
    }
    ServiceNowPollerWorkflow poller =
        client.newWorkflowStub(
            ServiceNowPollerWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ServiceNowPollerWorkflow.WORKFLOW_ID)
                .setTaskQueue(TaskQueues.ROSTER)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .setStaticSummary("Polls ServiceNow for new tickets every " + sn.pollInterval())
                .build());
    WorkflowClient.start(poller::run, new PollCursor(null, List.of()), sn.pollInterval());
    return ServiceNowPollerWorkflow.WORKFLOW_ID;
  }

  private PollMode() {}
}
