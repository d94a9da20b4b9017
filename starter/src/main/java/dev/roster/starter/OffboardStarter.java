package dev.roster.starter;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.workflows.offboard.OffboardRequest;
import dev.roster.workflows.offboard.OffboardRequests;
import dev.roster.workflows.offboard.OffboardUserWorkflow;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts OffboardUser the one way every entry point (CLI, demo, webhook, poll mode) does. As for
 * onboarding, a request that finds one running under its id attaches only when it asks the same,
 * and is refused ({@link RequestConflict}) otherwise.
 */
public final class OffboardStarter {
  private final WorkflowClient client;
  private final SubjectHasher subjects;
  private final ConfiguredAccounts accounts;
  private final RunningRequests running;

  public OffboardStarter(
      WorkflowClient client, SubjectHasher subjects, ConfiguredAccounts accounts) {
    this.client = client;
    this.subjects = subjects;
    this.accounts = accounts;
    this.running = new RunningRequests(client);
  }

  /** Every problem with the request (field paths included); empty when it can start. */
  public List<String> problems(OffboardRequest request) {
    List<String> problems = new ArrayList<>(OffboardRequests.problems(request));
    if (request != null && request.accounts() != null) {
      for (int i = 0; i < request.accounts().size(); i++) {
        problems.addAll(accounts.problems("accounts[" + i + "]", request.accounts().get(i), null));
      }
    }
    return problems;
  }

  /**
   * {@code offboard-<ticket>}, else {@code offboard-<subject>}; a plan-only run is {@code
   * offboard-plan-<subject>} so it never collides with the real offboarding.
   */
  public String workflowId(OffboardRequest request) {
    String subject = subjects.subjectOf(request.person().email());
    if (request.planOnly()) {
      return "offboard-plan-" + subject;
    }
    return RequestOptions.requestId("offboard", request.ticket(), () -> subject);
  }

  /**
   * Starts the workflow; when one runs under the same id, attaches to it if it asks the same and
   * refuses otherwise.
   *
   * @throws IllegalArgumentException listing every problem when the request is invalid
   * @throws RequestConflict when a different request runs under the same id
   * @throws RunningRequests.Unanswered when the running request cannot be read to compare
   */
  public Started start(OffboardRequest request) {
    RequestOptions.refuseProblems(problems(request));
    String id = workflowId(request);
    return running.startOrCompare(
        id,
        request.ticket() != null,
        () -> WorkflowClient.start(stub(id, request)::offboard, request),
        () -> RequestDifferences.offboard(running.offboardRequest(id), request, accounts.ids()));
  }

  private OffboardUserWorkflow stub(String id, OffboardRequest request) {
    String subject = subjects.subjectOf(request.person().email());
    List<String> vendors =
        request.accounts() == null || request.accounts().isEmpty()
            ? accounts.ids()
            : request.accounts();
    String what = request.planOnly() ? "Plan offboarding of " : "Offboard ";
    return client.newWorkflowStub(
        OffboardUserWorkflow.class,
        RequestOptions.of(
            id,
            request.planOnly() ? "offboard-plan" : "offboard",
            subject,
            vendors,
            request.ticket(),
            what + subject + " from " + String.join(", ", vendors),
            "Subject: "
                + subject
                + "\nErase contact data: "
                + (request.erase() ? "yes, after an approval" : "no")
                + "\nRequested by: "
                + request.requestedBy(),
            WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL));
  }
}
