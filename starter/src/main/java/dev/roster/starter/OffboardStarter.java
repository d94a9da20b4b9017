package dev.roster.starter;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.workflows.common.Emails;
import dev.roster.workflows.offboard.OffboardRequest;
import dev.roster.workflows.offboard.OffboardUserWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Starts OffboardUser the one way every entry point (CLI, demo, webhook) does. */
public final class OffboardStarter {
  private final WorkflowClient client;
  private final SubjectHasher subjects;
  private final Collection<String> accounts;

  public OffboardStarter(
      WorkflowClient client, SubjectHasher subjects, Collection<String> accounts) {
    this.client = client;
    this.subjects = subjects;
    this.accounts = accounts;
  }

  /** Every problem with the request (field paths included); empty when it can start. */
  public List<String> problems(OffboardRequest request) {
    List<String> problems = new ArrayList<>();
    if (request.person() == null || !Emails.isValid(request.person().email())) {
      problems.add(
          "person.email: not a valid email address ("
              + Emails.mask(request.person() == null ? null : request.person().email())
              + ")");
    }
    if (request.accounts() != null) {
      for (String account : request.accounts()) {
        if (!accounts.contains(account)) {
          problems.add(
              "accounts: unknown vendor account '"
                  + account
                  + "' (configured: "
                  + String.join(", ", accounts)
                  + ")");
        }
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
    return request.ticket() != null && !request.ticket().isBlank()
        ? "offboard-" + request.ticket()
        : "offboard-" + subject;
  }

  /** Starts the workflow or attaches to the running one with the same id. */
  public String start(OffboardRequest request) {
    List<String> problems = problems(request);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    String id = workflowId(request);
    String subject = subjects.subjectOf(request.person().email());
    List<String> vendors =
        request.accounts() == null || request.accounts().isEmpty()
            ? List.copyOf(accounts)
            : request.accounts();
    String what = request.planOnly() ? "Plan offboarding of " : "Offboard ";
    OffboardUserWorkflow stub =
        client.newWorkflowStub(
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
                    + request.requestedBy()));
    try {
      WorkflowClient.start(stub::offboard, request);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // The ticket's request already ran to completion (only a failed one may run again).
    }
    return id;
  }
}
