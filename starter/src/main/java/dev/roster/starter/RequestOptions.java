package dev.roster.starter;

import dev.roster.workflows.conventions.RosterSearchAttributes;
import dev.roster.workflows.conventions.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import java.util.List;
import java.util.function.Supplier;

/**
 * Workflow options every Roster request starts with: its id, a conflict policy for a request
 * already running under it, search attributes (never an email) and the Web UI's summary and
 * details.
 */
final class RequestOptions {

  /**
   * @param conflictPolicy what a start does when a request runs under the same id: USE_EXISTING
   *     attaches (an import, whose id hashes everything it asks), FAIL lets the starter compare the
   *     two requests (onboarding, offboarding)
   */
  static WorkflowOptions of(
      String workflowId,
      String operation,
      String subject,
      List<String> vendors,
      String ticket,
      String summary,
      String details,
      WorkflowIdConflictPolicy conflictPolicy) {
    SearchAttributes.Builder attributes =
        SearchAttributes.newBuilder()
            .set(RosterSearchAttributes.OPERATION, operation)
            .set(RosterSearchAttributes.SUBJECT, subject)
            .set(RosterSearchAttributes.VENDORS, vendors)
            .set(RosterSearchAttributes.PHASE, "starting");
    if (ticket != null) {
      attributes.set(RosterSearchAttributes.TICKET, ticket);
    }
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(TaskQueues.ROSTER)
        .setWorkflowIdConflictPolicy(conflictPolicy)
        // A ticket's request runs once; only a failed one may run again (a redelivered or
        // re-polled ticket must not onboard or offboard anyone twice).
        .setWorkflowIdReusePolicy(
            ticket != null
                ? WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY
                : WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .setTypedSearchAttributes(attributes.build())
        .setStaticSummary(summary)
        .setStaticDetails(details)
        .build();
  }

  private RequestOptions() {}

  /**
   * A request's workflow id: {@code <operation>-<ticket>}, else {@code <operation>-<subject hash>};
   * never the email.
   */
  static String requestId(String operation, String ticket, Supplier<String> subject) {
    return ticket != null && !ticket.isBlank()
        ? operation + "-" + ticket
        : operation + "-" + subject.get();
  }

  /** Refuses a request with problems, listing every one. */
  static void refuseProblems(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }
}
