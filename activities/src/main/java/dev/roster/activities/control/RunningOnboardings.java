package dev.roster.activities.control;

import static java.util.Objects.requireNonNull;

import dev.roster.workflows.approval.Decision;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and withdraws a person's running OnboardUser and ChangeAccess workflows before they are
 * offboarded: either could give access back behind the offboarding.
 */
final class RunningOnboardings {
  private static final Logger log = LoggerFactory.getLogger(RunningOnboardings.class);
  private static final Pattern SUBJECT = Pattern.compile("s-[0-9a-f]{24}");

  private final WorkflowClient client;

  RunningOnboardings(WorkflowClient client) {
    this.client = requireNonNull(client, "client is null");
  }

  /**
   * Withdraws every running onboarding and access change of {@code subject}; returns the workflow
   * ids withdrawn.
   */
  List<String> cancelRunning(String subject) {
    if (!SUBJECT.matcher(subject).matches()) {
      throw new IllegalArgumentException("not a subject hash");
    }
    Set<String> candidates = new LinkedHashSet<>();
    candidates.add("onboard-" + subject);
    candidates.add("change-" + subject);
    candidates.add("change-" + subject + "-onboard");
    candidates.addAll(byVisibility(subject));
    List<String> cancelled = new ArrayList<>();
    for (String id : candidates) {
      WorkflowStub stub = client.newUntypedWorkflowStub(id);
      try {
        if (stub.describe().getStatus()
            != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
          continue;
        }
        // A signal, not a Temporal cancel: the onboarding ends itself and keeps its report.
        stub.signal(
            "withdraw",
            new Decision("offboarding", "an offboarding of the person started", "roster"));
        cancelled.add(id);
        log.info("onboarding withdrawn for offboarding workflowId={}", id);
      } catch (WorkflowNotFoundException e) {
        // Never started, or gone: nothing to stop.
      }
    }
    return cancelled;
  }

  /**
   * Requests started with a ticket have {@code onboard-<ticket>} or {@code change-<ticket>} ids; a
   * real cluster finds them by search attribute. The embedded server has no visibility queries:
   * there only the subject's own ids are found.
   */
  private List<String> byVisibility(String subject) {
    String query =
        "RosterOperation IN ('onboard', 'change') AND RosterSubject = '"
            + subject
            + "' AND ExecutionStatus = 'Running'";
    try {
      return client.listExecutions(query).map(e -> e.getExecution().getWorkflowId()).toList();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return List.of();
      }
      throw e;
    }
  }
}
