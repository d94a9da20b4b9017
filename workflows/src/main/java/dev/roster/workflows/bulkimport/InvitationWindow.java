package dev.roster.workflows.bulkimport;

import dev.roster.workflows.common.ApprovalPolicy;
import dev.roster.workflows.common.Decision;
import dev.roster.workflows.common.InvitesSent;
import dev.roster.workflows.common.Person;
import dev.roster.workflows.common.TaskQueues;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * Team invitations of an import: one child OnboardUser per row asking for team access, at most
 * {@code window} of them with invitations not yet out (a sliding window). A child tells this window
 * when its invitations are out ({@link InvitesSent}) and then waits for acceptance on its own:
 * children are abandoned, not cancelled, when the import ends. Rows are read in batches by
 * position; the position and the count started from the current batch are carried across
 * continue-as-new, and a run drains its window before it continues, so no row is started twice. The
 * import's approval covers the children: a privileged role is approved by the import's approver.
 */
final class InvitationWindow {
  private static final Logger log = Workflow.getLogger(InvitationWindow.class);

  private final ImportPlanningActivities planning;
  private final List<String> accounts;
  private final String requestedBy;
  private final int window;
  private final Map<String, Long> inFlight = new LinkedHashMap<>();
  private InviteProgress p;

  InvitationWindow(
      ImportPlanningActivities planning,
      List<String> accounts,
      String requestedBy,
      int window,
      InviteProgress start) {
    this.planning = planning;
    this.accounts = accounts;
    this.requestedBy = requestedBy;
    this.window = window;
    this.p = start;
  }

  InviteProgress progress() {
    return new InviteProgress(
        p.batchAt(), p.taken(), p.asked(), p.started(), p.invited(), p.failed(), inFlight.size());
  }

  /** Called by the import's signal handler. */
  void invitesSent(InvitesSent report) {
    if (inFlight.remove(report.workflowId()) == null) {
      return;
    }
    boolean ok = report.notInvited() == 0;
    p = counted(ok ? 1 : 0, ok ? 0 : 1);
    log.info(
        "import invitation out child={} invited={} notInvited={}",
        report.workflowId(),
        report.invited(),
        report.notInvited());
  }

  /**
   * Starts children batch by batch until every row is started or {@code stop} asks for a new run;
   * either way returns with no child in flight.
   */
  void run(String planFile, ApprovalPolicy policy, String approvedBy, BooleanSupplier stop) {
    while (p.batchAt() != null && !stop.getAsBoolean()) {
      InviteBatch batch = planning.invitations(planFile, p.batchAt());
      List<InviteRow> rows = batch.rows();
      for (int i = p.taken(); i < rows.size(); i++) {
        if (stop.getAsBoolean()) {
          Workflow.await(inFlight::isEmpty);
          return;
        }
        Workflow.await(() -> inFlight.size() < window);
        start(rows.get(i), policy, approvedBy);
        p =
            new InviteProgress(
                p.batchAt(), i + 1, p.asked(), p.started() + 1, p.invited(), p.failed(), 0);
      }
      p =
          new InviteProgress(
              batch.last() ? null : batch.next(),
              0,
              p.asked(),
              p.started(),
              p.invited(),
              p.failed(),
              0);
    }
    Workflow.await(inFlight::isEmpty);
  }

  private void start(InviteRow row, ApprovalPolicy policy, String approvedBy) {
    String parent = Workflow.getInfo().getWorkflowId();
    String childId = parent + "-invite-" + row.line();
    OnboardUserWorkflow child =
        Workflow.newChildWorkflowStub(
            OnboardUserWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(childId)
                .setTaskQueue(TaskQueues.ROSTER)
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setStaticSummary(
                    "Team invitation from bulk import " + parent + ", line " + row.line())
                .build());
    OnboardRequest request =
        new OnboardRequest(
            new Person(row.email(), row.firstName(), row.lastName()),
            accounts.stream().map(a -> new Assignment(a, row.role(), List.of(), null)).toList(),
            null,
            requestedBy);
    Promise<OnboardResult> result = Async.function(child::onboard, request);
    try {
      Workflow.getWorkflowExecution(child).get();
    } catch (ChildWorkflowFailure e) {
      log.warn("import invitation not started child={} reason={}", childId, e.getMessage());
      p = counted(0, 1);
      return;
    }
    inFlight.put(childId, row.line());
    if (approvedBy != null && policy.isPrivileged(row.role())) {
      child.approve(new Decision(approvedBy, "approved with bulk import " + parent, "bulk-import"));
    }
    // A child that ends before it reports (e.g. an unknown account) frees its place too.
    result.handle(
        (r, failure) -> {
          if (inFlight.remove(childId) != null) {
            boolean ok = failure == null && "COMPLETED".equals(r.outcome());
            p = counted(ok ? 1 : 0, ok ? 0 : 1);
          }
          return null;
        });
  }

  private InviteProgress counted(int invited, int failed) {
    return new InviteProgress(
        p.batchAt(),
        p.taken(),
        p.asked(),
        p.started(),
        p.invited() + invited,
        p.failed() + failed,
        0);
  }
}
