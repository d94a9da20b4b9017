package dev.roster.workflows.bulkimport;

import dev.roster.workflows.approval.ApprovalGate;
import dev.roster.workflows.approval.ApprovalPolicy;
import dev.roster.workflows.approval.ApproverRule;
import dev.roster.workflows.approval.ApprovingWorkflow;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.control.ControlActivities;
import dev.roster.workflows.conventions.RosterActivityOptions;
import dev.roster.workflows.conventions.RosterSearchAttributes;
import dev.roster.workflows.notice.Milestones;
import dev.roster.workflows.notice.Notice;
import dev.roster.workflows.onboard.InvitesSent;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;

public class BulkImportWorkflowImpl extends ApprovingWorkflow implements BulkImportWorkflow {
  private static final Logger log = Workflow.getLogger(BulkImportWorkflowImpl.class);

  private final ControlActivities control =
      Workflow.newActivityStub(ControlActivities.class, RosterActivityOptions.control());
  // Planning reads the whole source (up to 1,000,000 rows, 200 MB, maybe from a slow URL): it
  // heartbeats at each checkpoint and a retry resumes there, so an attempt may end at any time
  // without losing what it read; the schedule-to-close bounds the whole effort.
  private final ImportPlanningActivities planning =
      Workflow.newActivityStub(
          ImportPlanningActivities.class,
          ActivityOptions.newBuilder(RosterActivityOptions.control())
              .setStartToCloseTimeout(Duration.ofHours(1))
              .setScheduleToCloseTimeout(Duration.ofHours(12))
              .setHeartbeatTimeout(Duration.ofMinutes(2))
              .setSummary("plan import")
              .build());
  private final Map<String, AccountImport> accounts = new LinkedHashMap<>();
  private final BulkImportRequest request;
  private ImportCarry carry;
  private String phase = "planning";
  private InvitationWindow invitations;
  private Milestones milestones;
  private Decision withdrawal;

  /** Runs before any signal handler, so an early approval already knows the requester. */
  @WorkflowInit
  public BulkImportWorkflowImpl(BulkImportRequest request) {
    super(request == null ? null : request.requestedBy());
    this.request = request;
    this.carry = request == null ? null : request.resume();
  }

  @Override
  public BulkImportResult importContacts(BulkImportRequest ignored) {
    // Version 1 checks every field and the list ids for the vendors before planning; histories
    // from before it replay with the old checks and order. A run continued as new was checked
    // when it started (perhaps under the old rules): it keeps the old checks, so an import
    // accepted then is never refused halfway.
    boolean checked = Workflow.getVersion("request-checks", Workflow.DEFAULT_VERSION, 1) >= 1;
    ImportChecks.validate(request, checked && carry == null);
    ImportSettings settings = request.settingsOrDefault();
    milestones = new Milestones(control, request.ticket());
    if (carry == null) {
      List<String> ids = request.targets().stream().map(ImportTarget::account).toList();
      RosterSearchAttributes.upsertRequest(
          settings.dryRun() ? "import-dry-run" : "import", null, ids, request.ticket());
      setPhase("planning");
      String reportName = Workflow.getInfo().getWorkflowId().replaceAll("[^A-Za-z0-9._-]", "_");
      List<BulkTarget> targets = checked ? ImportChecks.targets(planning, request, ids) : null;
      PlanSummary plan =
          planning.planImport(request.source(), settings.reportDirectory(), reportName);
      if (targets == null) {
        targets = planning.bulkTargets(ids);
      }
      InviteProgress invites =
          plan.withTeamRole() == 0
              ? InviteProgress.none()
              : new InviteProgress(plan.first(), 0, plan.withTeamRole(), 0, 0, 0, 0);
      carry =
          new ImportCarry(
              plan,
              targets,
              ImportOutcomes.initial(plan, targets),
              null,
              Workflow.currentTimeMillis(),
              0,
              invites);
      milestones.post(Notice.STARTED, ImportOutcomes.startedNotice(plan, ids, settings.dryRun()));
      if (settings.dryRun()) {
        return finish("DRY_RUN");
      }
      String refused = withdrawal != null ? "CANCELLED" : approveIfNeeded(plan, settings);
      if (refused != null) {
        return finish(refused);
      }
    }
    setPhase("importing");
    for (AccountProgress start : carry.accounts()) {
      BulkTarget target = target(start.account());
      accounts.put(
          start.account(),
          new AccountImport(target, request.listsOf(start.account()), start, settings));
    }
    int limit = settings.historyEventLimitOrDefault();
    List<Promise<Void>> work = new ArrayList<>();
    accounts
        .values()
        .forEach(
            a ->
                work.add(
                    Async.procedure(
                        () -> a.run(carry.plan().planFile(), () -> historyFull(limit)))));
    if (!carry.invitesOrNone().finished()) {
      invitations =
          new InvitationWindow(
              planning,
              request.targets().stream().map(ImportTarget::account).toList(),
              request.requestedBy(),
              settings.invitesInFlightOrDefault(),
              carry.invites());
      ApprovalPolicy policy = control.approvalPolicy();
      work.add(
          Async.procedure(
              () ->
                  invitations.run(
                      carry.plan().planFile(),
                      policy,
                      carry.approvedBy(),
                      () -> historyFull(limit))));
    }
    Promise.allOf(work).get();
    carry = snapshot();
    if (!carry.accounts().stream().allMatch(AccountProgress::finished)
        || !carry.invitesOrNone().finished()) {
      Workflow.await(Workflow::isEveryHandlerFinished);
      log.info("import continues as new runs={} historyLength={}", carry.runs() + 1, history());
      Workflow.continueAsNew(request.resumeWith(carry.nextRun()));
    }
    return finish(ImportOutcomes.outcome(carry));
  }

  private static boolean historyFull(int limit) {
    return history() >= limit || Workflow.getInfo().isContinueAsNewSuggested();
  }

  private static long history() {
    return Workflow.getInfo().getHistoryLength();
  }

  /** Null when approved or not needed, else the outcome that ends the import. */
  private String approveIfNeeded(PlanSummary plan, ImportSettings settings) {
    boolean large = plan.valid() > settings.approvalAboveOrDefault();
    if (!large && plan.withTeamRole() == 0) {
      return null;
    }
    String what = ImportReports.approvalText(plan, request.targets());
    setPhase("approval", what);
    milestones.post(Notice.WAITING_APPROVAL, "Waiting for an approval of the bulk import.");
    approval.about(
        plan.valid() + " contacts",
        plan.withTeamRole() > 0 ? "team access for " + plan.withTeamRole() + " rows" : null);
    ApprovalPolicy policy = control.approvalPolicy();
    approval.expect(
        policy,
        ApproverRule.IMPORT,
        request.targets().stream().map(ImportTarget::account).toList());
    ApprovalGate.Result result = approval.await(what, policy, control, request.ticket());
    return switch (result) {
      case APPROVED -> {
        carry = carry.approved(approval.status().decision().by());
        yield null;
      }
      case REJECTED -> "REJECTED";
      case CANCELLED -> "CANCELLED";
      default -> "TIMED_OUT";
    };
  }

  private BulkTarget target(String account) {
    return carry.targets().stream()
        .filter(t -> t.account().equals(account))
        .findFirst()
        .orElseThrow();
  }

  private ImportCarry snapshot() {
    if (carry == null || accounts.isEmpty()) {
      return carry;
    }
    List<AccountProgress> now = accounts.values().stream().map(AccountImport::progress).toList();
    return carry.with(now, invitations == null ? carry.invites() : invitations.progress());
  }

  private BulkImportResult finish(String outcome) {
    Workflow.await(Workflow::isEveryHandlerFinished);
    carry = snapshot();
    if ("DRY_RUN".equals(outcome) && carry != null) {
      carry = carry.with(ImportOutcomes.dryRun(carry), carry.invites());
    }
    setPhase("done", outcome);
    boolean deleted = ImportFilesAtEnd.delete(planning, carry, request.settingsOrDefault());
    String summary =
        ImportReports.summary(outcome, carry) + (deleted ? ImportFilesAtEnd.DELETED_NOTE : "");
    BulkImportResult result =
        new BulkImportResult(
            outcome,
            withdrawal == null || !"CANCELLED".equals(outcome)
                ? summary
                : "withdrawn by " + withdrawal.by() + " before anything was sent; " + summary,
            carry == null ? null : carry.plan().report(),
            carry == null || deleted ? null : carry.plan().failureReport(),
            status());
    milestones.done(
        "COMPLETED".equals(outcome) || "DRY_RUN".equals(outcome),
        "Bulk import " + outcome.toLowerCase(Locale.ROOT) + ": " + result.summary());
    log.info("import finished outcome={} summary={}", outcome, result.summary());
    return result;
  }

  private void setPhase(String phase) {
    setPhase(phase, null);
  }

  /**
   * @param about the approval's text for {@code approval}, the outcome for {@code done}
   */
  private void setPhase(String phase, String about) {
    this.phase = phase;
    // The Web UI renders details as Markdown: the approval's lines become a list, not one line.
    RosterSearchAttributes.upsertPhase(
        phase, ImportReports.currentDetails(phase, about, snapshot()));
  }

  @Override
  protected String withdrawalRefusal() {
    if (withdrawal != null) {
      return "nothing to withdraw: it was withdrawn by " + withdrawal.by();
    }
    return "planning".equals(phase) || "approval".equals(phase)
        ? null
        : "too late: sending has begun (phase " + phase + "); what was sent stays";
  }

  @Override
  public void withdraw(Decision decision) {
    if (withdrawal != null || !("planning".equals(phase) || "approval".equals(phase))) {
      log.info("withdrawal ignored phase={}", phase); // sending has begun: what was sent stays
      return;
    }
    withdrawal = decision == null ? new Decision("unknown", null, null) : decision;
    approval.withdraw(withdrawal);
  }

  @Override
  public void invitesSent(InvitesSent report) {
    if (invitations != null) {
      invitations.invitesSent(report);
    }
  }

  @Override
  public ImportProgress progress() {
    return ImportReports.progress(phase, snapshot(), Workflow.currentTimeMillis());
  }

  @Override
  public BulkImportStatus status() {
    ImportCarry now = snapshot();
    return new BulkImportStatus(
        phase,
        request == null ? null : request.ticket(),
        request == null ? null : request.requestedBy(),
        now == null ? null : now.plan().report().lines().findFirst().orElse(null),
        approval.status(),
        ImportReports.accountReports(now, Workflow.currentTimeMillis()),
        List.of(),
        ImportReports.progress(phase, now, Workflow.currentTimeMillis()));
  }
}
