package dev.roster.starter;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.workflows.change.AccessChange;
import dev.roster.workflows.change.ChangeAccessRequest;
import dev.roster.workflows.change.ChangeAccessRequests;
import dev.roster.workflows.change.ChangeAccessWorkflow;
import dev.roster.workflows.onboard.Assignment;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Starts ChangeAccess the one way every entry point does: checked against the request's own rules
 * and the configured accounts (known ids, lists only where the vendor has lists), as {@code
 * change-<ticket>} or {@code change-<subject>} (no email in the id, the search attributes or the
 * summary). A second request under a running id attaches when it asks the same, else is refused.
 */
public final class ChangeStarter {
  private final WorkflowClient client;
  private final SubjectHasher subjects;
  private final ConfiguredAccounts accounts;
  private final RunningRequests running;

  public ChangeStarter(WorkflowClient client, SubjectHasher subjects, ConfiguredAccounts accounts) {
    this.client = client;
    this.subjects = subjects;
    this.accounts = accounts;
    this.running = new RunningRequests(client);
  }

  /** Every problem with the request (field paths included); empty when it can start. */
  public List<String> problems(ChangeAccessRequest request) {
    List<String> problems = new ArrayList<>(ChangeAccessRequests.problems(request));
    if (request == null) {
      return problems;
    }
    List<AccessChange> changes = request.changesOrEmpty();
    for (int i = 0; i < changes.size(); i++) {
      AccessChange c = changes.get(i);
      if (c != null) {
        List<String> lists = new ArrayList<>(c.addListsOrEmpty());
        lists.addAll(c.removeListsOrEmpty());
        problems.addAll(accounts.problems("changes[" + i + "]", c.account(), lists));
      }
    }
    List<Assignment> added = request.addAccountsOrEmpty();
    for (int i = 0; i < added.size(); i++) {
      Assignment a = added.get(i);
      if (a != null) {
        problems.addAll(accounts.problems("addAccounts[" + i + "]", a.account(), a.lists()));
      }
    }
    List<String> removed = request.removeAccountsOrEmpty();
    for (int i = 0; i < removed.size(); i++) {
      problems.addAll(accounts.problems("removeAccounts[" + i + "]", removed.get(i), null));
    }
    return problems;
  }

  /** {@code change-<ticket>}, else {@code change-<subject>}. */
  public String workflowId(ChangeAccessRequest request) {
    return RequestOptions.requestId(
        "change", request.ticket(), () -> subjects.subjectOf(request.person().email()));
  }

  /**
   * Starts the workflow; attaches to a running one under the same id that asks the same.
   *
   * @throws IllegalArgumentException listing every problem when the request is invalid
   * @throws RequestConflict when a different request runs under the same id
   */
  public Started start(ChangeAccessRequest request) {
    RequestOptions.refuseProblems(problems(request));
    String id = workflowId(request);
    return running.startOrCompare(
        id,
        request.ticket() != null,
        () -> WorkflowClient.start(stub(id, request)::change, request),
        () ->
            Objects.equals(running.changeRequest(id), request)
                ? List.of()
                : List.of("a different access change for this person is running"));
  }

  private ChangeAccessWorkflow stub(String id, ChangeAccessRequest request) {
    String subject = subjects.subjectOf(request.person().email());
    List<String> vendors = new ArrayList<>();
    request.changesOrEmpty().forEach(c -> vendors.add(c.account()));
    request.addAccountsOrEmpty().forEach(a -> vendors.add(a.account()));
    vendors.addAll(request.removeAccountsOrEmpty());
    return client.newWorkflowStub(
        ChangeAccessWorkflow.class,
        RequestOptions.of(
            id,
            "change",
            subject,
            vendors,
            request.ticket(),
            "Change the access of " + subject + " on " + String.join(", ", vendors),
            "Subject: " + subject + "\nRequested by: " + request.requestedBy(),
            WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL));
  }
}
