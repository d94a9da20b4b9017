package dev.roster.starter;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardRequests;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Starts OnboardUser the one way every entry point (CLI, demo, webhook) does. */
public final class OnboardStarter {
  private final WorkflowClient client;
  private final SubjectHasher subjects;
  private final Collection<String> accounts;

  /**
   * @param accounts the configured account ids; a request naming another is refused before start
   */
  public OnboardStarter(
      WorkflowClient client, SubjectHasher subjects, Collection<String> accounts) {
    this.client = client;
    this.subjects = subjects;
    this.accounts = accounts;
  }

  /** Every problem with the request (field paths included); empty when it can start. */
  public List<String> problems(OnboardRequest request) {
    List<String> problems = new ArrayList<>(OnboardRequests.problems(request));
    if (request != null && request.assignments() != null) {
      for (int i = 0; i < request.assignments().size(); i++) {
        Assignment a = request.assignments().get(i);
        if (a != null && a.account() != null && !accounts.contains(a.account())) {
          problems.add(
              "assignments["
                  + i
                  + "].account: unknown vendor account '"
                  + a.account()
                  + "' (configured: "
                  + String.join(", ", accounts)
                  + ")");
        }
      }
    }
    return problems;
  }

  /** {@code onboard-<ticket>}, else {@code onboard-<subject hash>}: never the email. */
  public String workflowId(OnboardRequest request) {
    return request.ticket() != null && !request.ticket().isBlank()
        ? "onboard-" + request.ticket()
        : "onboard-" + subjects.subjectOf(request.person().email());
  }

  /**
   * Starts the workflow, or attaches to the running one with the same id (duplicate deliveries).
   *
   * @throws IllegalArgumentException listing every problem when the request is invalid
   */
  public String start(OnboardRequest request) {
    List<String> problems = problems(request);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    String id = workflowId(request);
    String subject = subjects.subjectOf(request.person().email());
    List<String> vendors = request.assignments().stream().map(Assignment::account).toList();
    OnboardUserWorkflow stub =
        client.newWorkflowStub(
            OnboardUserWorkflow.class,
            RequestOptions.of(
                id,
                "onboard",
                subject,
                vendors,
                request.ticket(),
                "Onboard " + subject + " to " + String.join(", ", vendors),
                details(request, subject)));
    try {
      WorkflowClient.start(stub::onboard, request);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // The ticket's request already ran to completion (only a failed one may run again).
    }
    return id;
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
