package dev.roster.workflows.bulkimport;

import dev.roster.workflows.common.ApprovalGate;
import dev.roster.workflows.common.ApprovalPolicy;
import dev.roster.workflows.common.ControlActivities;
import dev.roster.workflows.common.Decision;
import dev.roster.workflows.common.FailureTypes;
import dev.roster.workflows.common.InvitesSent;
import dev.roster.workflows.common.Milestones;
import dev.roster.workflows.common.Notice;
import dev.roster.workflows.common.RosterActivityOptions;
import dev.roster.workflows.common.RosterSearchAttributes;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ApplicationFailure;
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
import java.util.stream.Collectors;
import org.slf4j.Logger;

public class BulkImportWorkflowImpl implements BulkImportWorkflow {
  private static final Logger log = Workflow.getLogger(BulkImportWorkflowImpl.class);
  static final String INVALID_REQUEST = FailureTypes.INVALID_REQUEST;

  private final ControlActivities control =
      Workflow.newActivityStub(ControlActivities.class, RosterActivityOptions.control());
  private final ImportPlanningActivities planning =
      Workflow.newActivityStub(
          ImportPlanningActivities.class,
          ActivityOptions.newBuilder(RosterActivityOptions.control())
              .setStartToCloseTimeout(Duration.ofMinutes(30))
              .setHeartbeatTimeout(Duration.ofMinutes(2))
              .setSummary("plan import")
              .build());
  private final Map<String, AccountImport> accounts = new LinkedHashMap<>();
  private final BulkImportRequest request;
  private final ApprovalGate approval;
  private ImportCarry carry;
  private String phase = "planning";
  private InvitationWindow invitations;
  private Milestones milestones;
  private Decision withdrawal;

  /** Runs before any signal handler, so an early approval already knows the requester. */
  @WorkflowInit
  public BulkImportWorkflowImpl(BulkImportRequest request) {
    this.request = request;
    this.approval = new ApprovalGate(request == null ? null : request.requestedBy());
    this.carry = request == null ? null : request.resume();
  }

  @Override
  public BulkImportResult importContacts(BulkImportRequest ignored) {
    validate();
    ImportSettings settings = request.settingsOrDefault();
    milestones = new Milestones(control, request.ticket());
    if (carry == null) {
      List<String> ids = request.targets().stream().map(ImportTarget::account).toList();
      Workflow.upsertTypedSearchAttributes(
          RosterSearchAttributes.OPERATION.valueSet(
              settings.dryRun() ? "import-dry-run" : "import"),
          RosterSearchAttributes.VENDORS.valueSet(ids));
      if (request.ticket() != null) {
        Workflow.upsertTypedSearchAttributes(
            RosterSearchAttributes.TICKET.valueSet(request.ticket()));
      }
      setPhase("planning");
      String reportName = Workflow.getInfo().getWorkflowId().replaceAll("[^A-Za-z0-9._-]", "_");
      PlanSummary plan =
          planning.planImport(request.source(), settings.reportDirectory(), reportName);
      List<BulkTarget> targets = planning.bulkTargets(ids);
      InviteProgress invites =
          plan.withTeamRole() == 0
              ? InviteProgress.none()
              : new InviteProgress(plan.first(), 0, plan.withTeamRole(), 0, 0, 0, 0);
      carry =
          new ImportCarry(
              plan,
              targets,
              initial(plan, targets),
              null,
              Workflow.currentTimeMillis(),
              0,
              invites);
      milestones.post(
          Notice.STARTED,
          (settings.dryRun() ? "Dry run of a bulk import into " : "Bulk import into ")
              + String.join(", ", ids)
              + ": "
              + plan.rowsRead()
              + " rows read, "
              + plan.valid()
              + " valid, "
              + plan.invalid()
              + " invalid"
              + (plan.withTeamRole() > 0
                  ? ", " + plan.withTeamRole() + " asking for team access"
                  : "")
              + ".");
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
          start.account(), new AccountImport(target, lists(start.account()), start, settings));
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
    return finish(ImportOutcome.of(carry, this::target));
  }

  private void validate() {
    // Version 1 checks list ids, the requester and the ticket too; earlier histories replay with
    // the first release's checks.
    boolean fullChecks = Workflow.getVersion("request-checks", Workflow.DEFAULT_VERSION, 1) >= 1;
    List<String> problems =
        fullChecks
            ? BulkImportRequests.problems(request)
            : BulkImportRequests.basicProblems(request);
    if (!problems.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "invalid BulkImport request: " + String.join("; ", problems), INVALID_REQUEST);
    }
  }

  private static boolean historyFull(int limit) {
    return Workflow.getInfo().getHistoryLength() >= limit
        || Workflow.getInfo().isContinueAsNewSuggested();
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
    setPhase("approval");
    milestones.post(Notice.WAITING_APPROVAL, "Waiting for an approval of the bulk import.");
    String what =
        "import "
            + plan.valid()
            + " contacts into "
            + request.targets().stream()
                .map(t -> t.account() + " lists " + t.listsOrEmpty())
                .collect(Collectors.joining(", "))
            + (plan.withTeamRole() > 0
                ? " (" + plan.withTeamRole() + " rows ask for team access)"
                : "")
            + "\n"
            + plan.report();
    approval.about(
        plan.valid() + " contacts",
        plan.withTeamRole() > 0 ? "team access for " + plan.withTeamRole() + " rows" : null);
    ApprovalGate.Result result =
        approval.await(what, control.approvalPolicy(), control, request.ticket());
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

  private static List<AccountProgress> initial(PlanSummary plan, List<BulkTarget> targets) {
    return targets.stream()
        .map(
            t ->
                new AccountProgress(
                    t.account(),
                    t.supported() ? "pending" : "skipped",
                    t.supported() ? "waiting to start" : t.reason(),
                    plan.first(),
                    plan.valid() == 0 && plan.rowsRead() == 0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    null))
        .toList();
  }

  private BulkTarget target(String account) {
    return carry.targets().stream()
        .filter(t -> t.account().equals(account))
        .findFirst()
        .orElseThrow();
  }

  private List<String> lists(String account) {
    return request.targets().stream()
        .filter(t -> t.account().equals(account))
        .findFirst()
        .map(ImportTarget::listsOrEmpty)
        .orElse(List.of());
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
    setPhase("done");
    String summary = ImportReports.summary(outcome, carry);
    BulkImportResult result =
        new BulkImportResult(
            outcome,
            withdrawal == null || !"CANCELLED".equals(outcome)
                ? summary
                : "withdrawn by " + withdrawal.by() + " before anything was sent; " + summary,
            carry == null ? null : carry.plan().report(),
            carry == null ? null : carry.plan().failureReport(),
            status());
    milestones.done(
        "COMPLETED".equals(outcome) || "DRY_RUN".equals(outcome),
        "Bulk import " + outcome.toLowerCase(Locale.ROOT) + ": " + result.summary());
    log.info("import finished outcome={} summary={}", outcome, result.summary());
    return result;
  }

  private void setPhase(String phase) {
    this.phase = phase;
    Workflow.upsertTypedSearchAttributes(RosterSearchAttributes.PHASE.valueSet(phase));
    Workflow.setCurrentDetails(
        switch (phase) {
          case "approval" -> "Waiting for an approval: " + approval.status().what();
          case "done" -> "Done: " + ImportReports.summary(null, snapshot());
          default -> "Bulk import: " + phase + ".";
        });
  }

  @Override
  public void approve(Decision decision) {
    approval.approve(decision);
  }

  @Override
  public void reject(Decision decision) {
    approval.reject(decision);
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
