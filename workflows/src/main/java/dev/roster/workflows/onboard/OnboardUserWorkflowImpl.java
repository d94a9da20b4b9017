package dev.roster.workflows.onboard;

import dev.roster.workflows.common.ApprovalGate;
import dev.roster.workflows.common.ApprovalPolicy;
import dev.roster.workflows.common.ControlActivities;
import dev.roster.workflows.common.Decision;
import dev.roster.workflows.common.InvitesSent;
import dev.roster.workflows.common.Milestones;
import dev.roster.workflows.common.Notice;
import dev.roster.workflows.common.RosterActivityOptions;
import dev.roster.workflows.common.RosterSearchAttributes;
import dev.roster.workflows.common.StepState;
import dev.roster.workflows.tasks.ManualTasks;
import dev.roster.workflows.tasks.TaskCompletion;
import dev.roster.workflows.watcher.InvitationUpdate;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.CompletablePromise;
import io.temporal.workflow.Promise;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;

public class OnboardUserWorkflowImpl implements OnboardUserWorkflow {
  private static final Logger log = Workflow.getLogger(OnboardUserWorkflowImpl.class);

  private final ControlActivities control =
      Workflow.newActivityStub(ControlActivities.class, RosterActivityOptions.control());

  private final Map<String, AccountOnboarding> accounts = new LinkedHashMap<>();
  private final ManualTasks manualTasks = new ManualTasks();
  private final ApprovalGate approval;
  private final OnboardRequest request;
  private String phase = "starting";
  private String subject;
  private Milestones milestones;
  private CancellationScope scope;
  private String withdrawnBy;

  /** Runs before any signal handler, so an early approval already knows the requester. */
  @WorkflowInit
  public OnboardUserWorkflowImpl(OnboardRequest request) {
    this.request = request;
    this.approval = new ApprovalGate(request == null ? null : request.requestedBy());
  }

  @Override
  public OnboardResult onboard(OnboardRequest ignored) {
    List<String> problems = OnboardRequests.problems(request);
    if (!problems.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "invalid OnboardUser request: " + String.join("; ", problems),
          OnboardRequests.INVALID_REQUEST);
    }
    String workflowId = Workflow.getInfo().getWorkflowId();
    subject = control.subjectOf(request.person().email());
    ApprovalPolicy policy = control.approvalPolicy();
    for (Assignment a : request.assignments()) {
      accounts.put(a.account(), new AccountOnboarding(a, policy.isPrivileged(a.role())));
    }
    Workflow.upsertTypedSearchAttributes(
        RosterSearchAttributes.OPERATION.valueSet("onboard"),
        RosterSearchAttributes.SUBJECT.valueSet(subject),
        RosterSearchAttributes.VENDORS.valueSet(new ArrayList<>(accounts.keySet())));
    if (request.ticket() != null) {
      Workflow.upsertTypedSearchAttributes(
          RosterSearchAttributes.TICKET.valueSet(request.ticket()));
    }

    milestones = new Milestones(control, request.ticket());
    manualTasks.reportTo(milestones);
    milestones.post(
        Notice.STARTED,
        "Onboarding " + subject + " on " + String.join(", ", accounts.keySet()) + ".");
    CompletablePromise<ApprovalGate.Result> decided = Workflow.newPromise();
    List<String> privileged = privilegedAccounts(policy);
    List<Promise<Void>> work = new ArrayList<>();
    OnboardContext context =
        new OnboardContext(
            request.person(),
            workflowId,
            request.ticket(),
            control,
            decided,
            manualTasks,
            policy.remindEvery(),
            milestones);
    // Everything that works or waits runs in one scope, so that an offboarding's withdraw signal
    // can stop it and the workflow still ends with its own report (a Temporal cancel would close
    // it as Canceled and drop the result).
    scope =
        Workflow.newCancellationScope(
            () -> {
              for (AccountOnboarding account : accounts.values()) {
                work.add(Async.procedure(() -> account.run(context)));
              }
              if (privileged.isEmpty()) {
                decided.complete(ApprovalGate.Result.APPROVED);
                setPhase("working");
              } else {
                setPhase("approval");
                String what = "privileged access on " + String.join(", ", privileged);
                milestones.post(Notice.WAITING_APPROVAL, "Waiting for an approval: " + what + ".");
                try {
                  decided.complete(approval.await(what, policy, control, request.ticket()));
                } catch (CanceledFailure e) {
                  // Cancelled (e.g. by an offboarding) while waiting: the accounts end as
                  // cancelled.
                  decided.complete(ApprovalGate.Result.CANCELLED);
                }
                setPhase("working");
              }
            });
    Promise<Void> parentTold = tellParentWhenInvited();
    if (withdrawnBy != null) {
      scope.cancel("withdrawn by " + withdrawnBy);
    }
    scope.run();
    // Each account ends by itself, also when the workflow is cancelled; the rest of the
    // bookkeeping must survive that cancellation, so it runs in a detached scope.
    OnboardResult[] result = new OnboardResult[1];
    Workflow.newDetachedCancellationScope(
            () -> {
              Promise.allOf(work).get();
              parentTold.get();
              Workflow.await(Workflow::isEveryHandlerFinished);
              setPhase("done");
              result[0] = new OnboardResult(outcome(), summary(), status());
              milestones.done("COMPLETED".equals(result[0].outcome()), "Onboarding " + summary());
            })
        .run();
    log.info("onboarding finished outcome={} summary={}", result[0].outcome(), result[0].summary());
    return result[0];
  }

  /**
   * Started by another workflow (a bulk import's invitation window): tells it once every invitation
   * is out, failed or will not run, so its window moves on while this one waits for acceptance.
   * Runs outside the cancellable scope so a withdrawal still reports.
   */
  private Promise<Void> tellParentWhenInvited() {
    Optional<String> parent = Workflow.getInfo().getParentWorkflowId();
    if (parent.isEmpty()) {
      return Workflow.newPromise(null);
    }
    List<Promise<Void>> told = new ArrayList<>(1);
    Workflow.newDetachedCancellationScope(
            () -> told.add(Async.procedure(() -> tellParent(parent.get()))))
        .run();
    return told.get(0);
  }

  private void tellParent(String parentId) {
    Workflow.await(() -> accounts.values().stream().allMatch(AccountOnboarding::inviteSettled));
    List<AccountOnboarding> asked =
        accounts.values().stream().filter(AccountOnboarding::asksInvite).toList();
    int invited = (int) asked.stream().filter(AccountOnboarding::invited).count();
    String summary =
        asked.stream()
            .map(a -> a.account() + (a.invited() ? " invited" : " not invited"))
            .collect(Collectors.joining(", "));
    try {
      Workflow.newUntypedExternalWorkflowStub(parentId)
          .signal(
              InvitesSent.SIGNAL,
              new InvitesSent(
                  Workflow.getInfo().getWorkflowId(), invited, asked.size() - invited, summary));
    } catch (SignalExternalWorkflowException e) {
      log.warn("parent not told: it has ended parent={}", parentId);
    }
  }

  private List<String> privilegedAccounts(ApprovalPolicy policy) {
    return request.assignments().stream()
        .filter(a -> policy.isPrivileged(a.role()))
        .map(Assignment::account)
        .collect(Collectors.toList());
  }

  private void setPhase(String phase) {
    this.phase = phase;
    Workflow.upsertTypedSearchAttributes(RosterSearchAttributes.PHASE.valueSet(phase));
    Workflow.setCurrentDetails(describe());
  }

  /** Plain words for the Web UI's current-details panel. */
  private String describe() {
    return switch (phase) {
      case "approval" -> "Waiting for an approval: " + approval.status().what();
      case "working" -> "Working on " + String.join(", ", accounts.keySet()) + ".";
      case "done" -> "Done: " + summary();
      default -> "Starting.";
    };
  }

  private String outcome() {
    if (count(StepState.CANCELLED) > 0) {
      return "CANCELLED";
    }
    long done = count(StepState.DONE);
    long rejected = count(StepState.REJECTED);
    if (done == accounts.size()) {
      return "COMPLETED";
    }
    if (rejected > 0 && done + rejected == accounts.size()) {
      return done == 0 ? "REJECTED" : "PARTIAL";
    }
    return done == 0 ? "FAILED" : "PARTIAL";
  }

  private long count(StepState state) {
    return accounts.values().stream().filter(a -> a.outcome() == state).count();
  }

  private String summary() {
    return accounts.values().stream()
        .map(a -> a.account() + " " + a.outcome().name().toLowerCase())
        .collect(Collectors.joining(", "));
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
    withdrawnBy = decision == null || decision.by() == null ? "unknown" : decision.by();
    if (scope != null) {
      scope.cancel("withdrawn by " + withdrawnBy);
    }
  }

  @Override
  public void completeManualTask(TaskCompletion completion) {
    manualTasks.complete(completion);
  }

  @Override
  public void invitationChanged(InvitationUpdate update) {
    AccountOnboarding account = accounts.get(update.account());
    if (account != null) {
      account.invitationChanged(update.status());
    }
  }

  @Override
  public OnboardStatus status() {
    List<AccountReport> reports = new ArrayList<>();
    accounts.values().forEach(a -> reports.add(a.report()));
    return new OnboardStatus(
        phase,
        request == null ? null : request.ticket(),
        subject,
        request == null ? null : request.requestedBy(),
        approval.status(),
        reports,
        manualTasks.snapshot());
  }
}
