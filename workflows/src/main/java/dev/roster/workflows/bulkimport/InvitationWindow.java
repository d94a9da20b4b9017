package dev.roster.workflows.bulkimport;

import dev.roster.workflows.approval.ApprovalPolicy;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.InvitesSent;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.request.Person;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

  /** Children started whose invitations are not out yet, by workflow id. */
  private final Set<String> inFlight = new LinkedHashSet<>();

  private ChunkPosition batchAt;
  private int taken;
  private final long asked;
  private long started;
  private long invited;
  private long failed;

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
    this.batchAt = start.batchAt();
    this.taken = start.taken();
    this.asked = start.asked();
    this.started = start.started();
    this.invited = start.invited();
    this.failed = start.failed();
  }

  InviteProgress progress() {
    return new InviteProgress(batchAt, taken, asked, started, invited, failed, inFlight.size());
  }

  /** Called by the import's signal handler. */
  void invitesSent(InvitesSent report) {
    settle(report.workflowId(), report.notInvited() == 0);
    log.info(
        "import invitation out child={} invited={} notInvited={}",
        report.workflowId(),
        report.invited(),
        report.notInvited());
  }

  /** Frees a child's place in the window, once, counting how it went. */
  private void settle(String childId, boolean ok) {
    if (inFlight.remove(childId)) {
      count(ok);
    }
  }

  private void count(boolean ok) {
    if (ok) {
      invited++;
    } else {
      failed++;
    }
  }

  /**
   * Starts children batch by batch until every row is started or {@code stop} asks for a new run;
   * either way returns with no child in flight.
   */
  void run(String planFile, ApprovalPolicy policy, String approvedBy, BooleanSupplier stop) {
    while (batchAt != null && !stop.getAsBoolean()) {
      InviteBatch batch = planning.invitations(planFile, batchAt);
      List<InviteRow> rows = batch.rows();
      while (taken < rows.size()) {
        if (stop.getAsBoolean()) {
          Workflow.await(inFlight::isEmpty);
          return;
        }
        Workflow.await(() -> inFlight.size() < window);
        start(rows.get(taken), policy, approvedBy);
        started++;
        taken++;
      }
      batchAt = batch.last() ? null : batch.next();
      taken = 0;
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
      count(false);
      return;
    }
    inFlight.add(childId);
    if (approvedBy != null && policy.isPrivileged(row.role())) {
      child.approve(new Decision(approvedBy, "approved with bulk import " + parent, "bulk-import"));
    }
    // A child that ends before it reports (e.g. an unknown account) frees its place too.
    result.handle(
        (r, failure) -> {
          settle(childId, failure == null && "COMPLETED".equals(r.outcome()));
          return null;
        });
  }
}
