package dev.roster.starter;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.starter.Started.How;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardAmendment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardRequests;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateException;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts OnboardUser the one way every entry point (CLI, demo, webhook, poll mode) does: checked
 * first, then started under {@code onboard-<ticket>} or {@code onboard-<subject>}. A request that
 * finds one running under its id attaches to it only when it asks the same; otherwise it is refused
 * ({@link RequestConflict}), or added with {@link #amend}.
 */
public final class OnboardStarter {
  private final WorkflowClient client;
  private final SubjectHasher subjects;
  private final ConfiguredAccounts accounts;
  private final RunningRequests running;

  /**
   * @param accounts the configured accounts; a request naming another, or a list on an account
   *     without lists, is refused before start
   */
  public OnboardStarter(
      WorkflowClient client, SubjectHasher subjects, ConfiguredAccounts accounts) {
    this.client = client;
    this.subjects = subjects;
    this.accounts = accounts;
    this.running = new RunningRequests(client);
  }

  /** Every problem with the request (field paths included); empty when it can start. */
  public List<String> problems(OnboardRequest request) {
    List<String> problems = new ArrayList<>(OnboardRequests.problems(request));
    if (request != null && request.assignments() != null) {
      for (int i = 0; i < request.assignments().size(); i++) {
        Assignment a = request.assignments().get(i);
        if (a != null) {
          problems.addAll(
              accounts.problems("assignments[" + i + "]", a.account(), a.listsOrEmpty()));
        }
      }
    }
    return problems;
  }

  /** {@code onboard-<ticket>}, else {@code onboard-<subject hash>}: never the email. */
  public String workflowId(OnboardRequest request) {
    return RequestOptions.requestId(
        "onboard", request.ticket(), () -> subjects.subjectOf(request.person().email()));
  }

  /**
   * Starts the workflow; when one runs under the same id, attaches to it if it asks the same (a
   * duplicate delivery) and refuses otherwise.
   *
   * @throws IllegalArgumentException listing every problem when the request is invalid
   * @throws RequestConflict when a different request runs under the same id
   * @throws RunningRequests.Unanswered when the running request cannot be read to compare
   */
  public Started start(OnboardRequest request) {
    RequestOptions.refuseProblems(problems(request));
    String id = workflowId(request);
    return running.startOrCompare(
        id,
        request.ticket() != null,
        () -> WorkflowClient.start(stub(id, request)::onboard, request),
        () -> RequestDifferences.onboard(running.onboardRequest(id), request));
  }

  /**
   * Adds the request's accounts and lists to the onboarding running under its id (an Update the
   * workflow validates: new accounts and lists only, no role change, no privileged role).
   *
   * @param source where the amendment comes from, e.g. {@code cli}
   * @throws IllegalArgumentException when the request is invalid or the workflow refuses it
   * @throws IllegalStateException when no onboarding runs under the request's id
   * @throws RequestConflict when the running onboarding is about someone else
   */
  public Started amend(OnboardRequest request, String source) {
    List<String> problems = problems(request);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    String id = workflowId(request);
    if (!running.isRunning(id)) {
      throw new IllegalStateException(
          "no onboarding runs as " + id + " to amend; without --amend the request starts one");
    }
    OnboardRequest before = running.onboardRequest(id);
    List<String> person =
        RequestDifferences.onboard(before, request).stream()
            .filter(d -> d.startsWith("person.email"))
            .toList();
    if (!person.isEmpty()) {
      throw new RequestConflict(id, person);
    }
    OnboardAmendment amendment =
        new OnboardAmendment(request.assignments(), request.requestedBy(), source);
    OnboardRequest after;
    try {
      after = client.newWorkflowStub(OnboardUserWorkflow.class, id).amend(amendment);
    } catch (WorkflowUpdateException e) {
      throw new IllegalArgumentException(
          id + " refused the amendment: " + RunningRequests.reason(e), e);
    }
    return new Started(id, How.AMENDED, String.join("; ", RequestDifferences.added(before, after)));
  }

  private OnboardUserWorkflow stub(String id, OnboardRequest request) {
    String subject = subjects.subjectOf(request.person().email());
    List<String> vendors = request.assignments().stream().map(Assignment::account).toList();
    return client.newWorkflowStub(
        OnboardUserWorkflow.class,
        RequestOptions.of(
            id,
            "onboard",
            subject,
            vendors,
            request.ticket(),
            "Onboard " + subject + " to " + String.join(", ", vendors),
            details(request, subject),
            WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL));
  }

  private static String details(OnboardRequest request, String subject) {
    StringBuilder text = new StringBuilder();
    text.append("Subject: ").append(subject).append('\n');
    if (request.ticket() != null) {
      text.append("Ticket: ").append(request.ticket()).append('\n');
    }
    text.append("Requested by: ").append(request.requestedBy()).append('\n');
    for (Assignment a : request.assignments()) {
      text.append("- ")
          .append(a.account())
          .append(": role ")
          .append(a.role() == null ? "none (contact only)" : a.role())
          .append(", lists ")
          .append(a.listsOrEmpty().isEmpty() ? "none" : String.join(", ", a.listsOrEmpty()))
          .append('\n');
    }
    return text.toString();
  }
}
