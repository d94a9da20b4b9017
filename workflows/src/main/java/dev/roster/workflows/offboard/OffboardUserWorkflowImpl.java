package dev.roster.workflows.offboard;

import dev.roster.workflows.approval.ApprovalGate;
import dev.roster.workflows.approval.ApprovalPolicy;
import dev.roster.workflows.approval.ApproverRule;
import dev.roster.workflows.approval.ApprovingWorkflow;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.control.ControlActivities;
import dev.roster.workflows.conventions.RosterActivityOptions;
import dev.roster.workflows.conventions.RosterSearchAttributes;
import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.notice.Milestones;
import dev.roster.workflows.notice.Notice;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.request.Emails;
import dev.roster.workflows.steps.StepState;
import dev.roster.workflows.tasks.ManualTasks;
import dev.roster.workflows.tasks.TaskCompletion;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;

public class OffboardUserWorkflowImpl extends ApprovingWorkflow implements OffboardUserWorkflow {
  private static final Logger log = Workflow.getLogger(OffboardUserWorkflowImpl.class);

  private final ControlActivities control =
      Workflow.newActivityStub(ControlActivities.class, RosterActivityOptions.control());
  private final Map<String, AccountOffboarding> accounts = new LinkedHashMap<>();
  private final ManualTasks manualTasks = new ManualTasks();
  private final List<String> cancelledOnboardings = new ArrayList<>();
  private final OffboardRequest request;
  private String phase = "starting";
  private String subject;
  private String erasureNote;
  private Milestones milestones;
  private Decision withdrawal;
  private CancellationScope manualChecks;

  /** Runs before any signal handler, so an early approval already knows the requester. */
  @WorkflowInit
  public OffboardUserWorkflowImpl(OffboardRequest request) {
    super(request == null ? null : request.requestedBy());
    this.request = request;
  }

  @Override
  public OffboardResult offboard(OffboardRequest ignored) {
    // Version 1 checks the requester, the ticket and the accounts too; earlier histories replay
    // with the email check alone.
    boolean fullChecks = Workflow.getVersion("request-checks", Workflow.DEFAULT_VERSION, 1) >= 1;
    if (fullChecks && !OffboardRequests.problems(request).isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "invalid OffboardUser request: " + String.join("; ", OffboardRequests.problems(request)),
          FailureTypes.INVALID_REQUEST);
    }
    if (request == null || request.person() == null || !Emails.isValid(request.person().email())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "invalid OffboardUser request: person.email is not a valid email address",
          FailureTypes.INVALID_REQUEST);
    }
    subject = control.subjectOf(request.person().email());
    ApprovalPolicy policy = control.approvalPolicy();
    List<String> ids =
        request.accounts() == null || request.accounts().isEmpty()
            ? control.listAccounts()
            : request.accounts();
    ids.forEach(id -> accounts.put(id, new AccountOffboarding(id)));
    RosterSearchAttributes.upsertRequest(
        request.planOnly() ? "offboard-plan" : "offboard",
        subject,
        List.copyOf(accounts.keySet()),
        request.ticket());
    milestones = new Milestones(control, request.ticket());
    manualTasks.reportTo(milestones);
    if (!request.planOnly()) {
      milestones.post(
          Notice.STARTED,
          "Offboarding " + subject + " from " + String.join(", ", accounts.keySet()) + ".");
    }
    OffboardContext context =
        new OffboardContext(
            request.person(),
            request.erase(),
            request.ticket(),
            control,
            manualTasks,
            policy.remindEvery(),
            Workflow.getVersion("manual-removal-beside", Workflow.DEFAULT_VERSION, 1) >= 1);

    setPhase("discovering");
    inParallel(a -> a.discover(context));
    if (request.planOnly()) {
      return finish("PLANNED");
    }
    if (withdrawal != null) {
      erasureNote = withdrawn() + " while discovering: nothing was changed";
      return finish("CANCELLED");
    }
    // An onboarding still running would re-invite the person behind our back.
    cancelledOnboardings.addAll(control.cancelOnboarding(subject));

    setPhase("revoking");
    inParallel(a -> a.revoke(context));
    // Manual removals (no team API) are awaited beside the rest, never in front of it.
    // They wait in a scope of their own, which a withdrawal cancels.
    List<Promise<Void>> manual = new ArrayList<>();
    manualChecks =
        Workflow.newCancellationScope(
            () ->
                accounts
                    .values()
                    .forEach(a -> manual.add(Async.procedure(() -> a.awaitManualRevoke(context)))));
    manualChecks.run();
    if (withdrawal != null) {
      manualChecks.cancel("withdrawn by " + withdrawal.by());
    }

    if (request.erase()) {
      eraseAfterApproval(context, policy);
    }
    Promise.allOf(manual).get();
    return finish(withdrawal != null ? "CANCELLED" : outcome());
  }

  private void eraseAfterApproval(OffboardContext context, ApprovalPolicy policy) {
    List<AccountOffboarding> erasable =
        accounts.values().stream().filter(AccountOffboarding::erasable).toList();
    if (erasable.isEmpty()) {
      erasureNote = "nothing to erase";
      return;
    }
    if (withdrawal != null) {
      keepContacts(erasable, "erasure " + withdrawn());
      return;
    }
    setPhase("approval");
    String what =
        "erase the contact data of "
            + subject
            + " on "
            + erasable.stream().map(AccountOffboarding::account).collect(Collectors.joining(", "))
            + " (irreversible)";
    milestones.post(Notice.WAITING_APPROVAL, "Waiting for an approval: " + what + ".");
    approval.about(request.person().email(), subject, "erasure (irreversible)");
    approval.expect(
        policy, ApproverRule.ERASURE, erasable.stream().map(AccountOffboarding::account).toList());
    ApprovalGate.Result result = approval.await(what, policy, control, request.ticket());
    if (result != ApprovalGate.Result.APPROVED) {
      keepContacts(
          erasable,
          switch (result) {
            case REJECTED -> "erasure rejected by " + approval.status().decision().by();
            case CANCELLED -> "erasure " + withdrawn();
            default -> "nobody approved the erasure in time";
          });
      return;
    }
    setPhase("erasing");
    List<Promise<Void>> work = new ArrayList<>();
    erasable.forEach(a -> work.add(Async.procedure(() -> a.erase(context))));
    Promise.allOf(work).get();
  }

  private void keepContacts(List<AccountOffboarding> erasable, String why) {
    erasureNote = why + ": contacts intact";
    erasable.forEach(a -> a.eraseNotApproved(why));
  }

  private String withdrawn() {
    String reason = withdrawal.comment();
    return "withdrawn by "
        + withdrawal.by()
        + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
  }

  private void inParallel(Consumer<AccountOffboarding> step) {
    List<Promise<Void>> work = new ArrayList<>();
    accounts.values().forEach(a -> work.add(Async.procedure(() -> step.accept(a))));
    Promise.allOf(work).get();
  }

  private OffboardResult finish(String outcome) {
    Workflow.await(Workflow::isEveryHandlerFinished);
    setPhase("done");
    OffboardResult result = new OffboardResult(outcome, summary(), status());
    if (!request.planOnly()) {
      milestones.done("COMPLETED".equals(outcome), "Offboarding " + result.summary());
    }
    log.info("offboarding finished outcome={} summary={}", outcome, result.summary());
    return result;
  }

  private String outcome() {
    long failed = accounts.values().stream().filter(a -> a.outcome() == StepState.FAILED).count();
    if (failed == accounts.size()) {
      return "FAILED";
    }
    boolean erasureShort =
        erasureNote != null && !"nothing to erase".equals(erasureNote)
            || accounts.values().stream().anyMatch(AccountOffboarding::undeletable);
    return failed > 0 || erasureShort ? "PARTIAL" : "COMPLETED";
  }

  private String summary() {
    String perAccount =
        accounts.values().stream()
            .map(a -> a.account() + " " + describe(a))
            .collect(Collectors.joining(", "));
    return erasureNote == null ? perAccount : perAccount + "; " + erasureNote;
  }

  private static String describe(AccountOffboarding a) {
    if (a.plan() != null && a.plan().actions().isEmpty()) {
      return "nothing to do";
    }
    return a.outcome() == StepState.PENDING ? "planned" : a.outcome().name().toLowerCase();
  }

  private void setPhase(String phase) {
    this.phase = phase;
    RosterSearchAttributes.upsertPhase(
        phase,
        switch (phase) {
          case "approval" -> "Waiting for an approval: " + approval.status().what();
          case "done" -> "Done: " + summary();
          default -> "Offboarding " + subject + ": " + phase + ".";
        });
  }

  @Override
  protected String withdrawalRefusal() {
    if (withdrawal != null) {
      return "nothing to withdraw: it was withdrawn by " + withdrawal.by();
    }
    if ("erasing".equals(phase)) {
      return "too late: the erasure has begun";
    }
    return "done".equals(phase) ? "nothing to withdraw: it has finished" : null;
  }

  @Override
  public void withdraw(Decision decision) {
    if (withdrawal != null || "erasing".equals(phase) || "done".equals(phase)) {
      log.info("withdrawal ignored phase={}", phase); // too late: the erasure has begun or ended
      return;
    }
    withdrawal =
        decision != null && decision.by() != null
            ? decision
            : new Decision("unknown", null, decision == null ? null : decision.source());
    approval.withdraw(withdrawal);
    if (manualChecks != null) {
      manualChecks.cancel("withdrawn by " + withdrawal.by());
    }
  }

  @Override
  public OffboardRequest request() {
    return request;
  }

  @Override
  public void completeManualTask(TaskCompletion completion) {
    manualTasks.complete(completion);
  }

  @Override
  public OffboardStatus status() {
    List<AccountPlan> plans = new ArrayList<>();
    List<AccountReport> reports = new ArrayList<>();
    for (AccountOffboarding a : accounts.values()) {
      if (a.plan() != null) {
        plans.add(a.plan());
      }
      reports.add(a.report());
    }
    return new OffboardStatus(
        phase,
        request == null ? null : request.ticket(),
        subject,
        request == null ? null : request.requestedBy(),
        request != null && request.erase(),
        approval.status(),
        plans,
        reports,
        manualTasks.snapshot(),
        List.copyOf(cancelledOnboardings),
        withdrawal);
  }
}
