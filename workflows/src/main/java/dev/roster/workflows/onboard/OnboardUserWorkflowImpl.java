package dev.roster.workflows.onboard;

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
import dev.roster.workflows.tasks.ManualTasks;
import dev.roster.workflows.tasks.TaskCompletion;
import dev.roster.workflows.watcher.InvitationUpdate;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.CompletablePromise;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;

public class OnboardUserWorkflowImpl extends ApprovingWorkflow implements OnboardUserWorkflow {
  private static final Logger log = Workflow.getLogger(OnboardUserWorkflowImpl.class);

  private final ControlActivities control =
      Workflow.newActivityStub(ControlActivities.class, RosterActivityOptions.control());

  private final Map<String, AccountOnboarding> accounts = new LinkedHashMap<>();
  private final ManualTasks manualTasks = new ManualTasks();
  private final OnboardRequest request;
  private final Map<String, Assignment> current;
  private final List<Promise<Void>> work = new ArrayList<>();
  private final List<CancellationScope> scopes = new ArrayList<>();
  private final List<String> amendments = new ArrayList<>();
  private String phase = "starting";
  private String subject;
  private ApprovalPolicy policy;
  private OnboardContext context;
  private Decision withdrawal;
  private boolean closing;

  /** Runs before any signal handler, so an early approval already knows the requester. */
  @WorkflowInit
  public OnboardUserWorkflowImpl(OnboardRequest request) {
    super(request == null ? null : request.requestedBy());
    this.request = request;
    this.current = OnboardAmendments.byAccount(request == null ? null : request.assignments());
  }

  @Override
  public OnboardResult onboard(OnboardRequest ignored) {
    // Version 1 checks roles, list ids, the requester and the ticket; earlier histories replay
    // with the first release's checks.
    boolean fullChecks = Workflow.getVersion("request-checks", Workflow.DEFAULT_VERSION, 1) >= 1;
    List<String> problems =
        fullChecks ? OnboardRequests.problems(request) : OnboardRequests.basicProblems(request);
    if (!problems.isEmpty()) {
      closing = true;
      throw ApplicationFailure.newNonRetryableFailure(
          "invalid OnboardUser request: " + String.join("; ", problems),
          OnboardRequests.INVALID_REQUEST);
    }
    String workflowId = Workflow.getInfo().getWorkflowId();
    subject = control.subjectOf(request.person().email());
    policy = control.approvalPolicy();
    for (Assignment a : request.assignments()) {
      accounts.put(a.account(), new AccountOnboarding(a, policy.isPrivileged(a.role())));
    }
    RosterSearchAttributes.upsertRequest(
        "onboard", subject, List.copyOf(accounts.keySet()), request.ticket());

    Milestones milestones = new Milestones(control, request.ticket());
    manualTasks.reportTo(milestones);
    milestones.post(
        Notice.STARTED,
        "Onboarding " + subject + " on " + String.join(", ", accounts.keySet()) + ".");
    CompletablePromise<ApprovalGate.Result> decided = Workflow.newPromise();
    List<String> privileged = privilegedAccounts(policy);
    approval.about(request.person().email(), subject, describeRoles(privileged));
    approval.expect(policy, ApproverRule.PRIVILEGED, privileged);
    context =
        new OnboardContext(
            request.person(),
            workflowId,
            request.ticket(),
            control,
            decided,
            manualTasks,
            policy.remindEvery(),
            milestones);
    // Everything that works or waits runs in cancellation scopes, so that a withdraw signal (an
    // offboarding, `roster cancel`) can stop it and the workflow still ends with its own report (a
    // Temporal cancel would close it as Canceled and drop the result).
    CancellationScope scope =
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
                  // Withdrawn while waiting: the accounts end as cancelled.
                  decided.complete(ApprovalGate.Result.CANCELLED);
                }
                setPhase("working");
              }
            });
    Promise<Void> parentTold = new ParentReport(accounts).tellParentWhenInvited();
    scopes.add(scope);
    if (withdrawal != null) {
      scope.cancel("withdrawn by " + withdrawal.by());
    }
    scope.run();
    // Each account ends by itself, also when the request is withdrawn; the rest of the bookkeeping
    // must survive that cancellation, so it runs in a detached scope. Amendments may add work
    // until the last account ends; from then on they are refused (closing).
    OnboardResult[] result = new OnboardResult[1];
    Workflow.newDetachedCancellationScope(
            () -> {
              Workflow.await(
                  () ->
                      work.stream().allMatch(Promise::isCompleted)
                          && parentTold.isCompleted()
                          && Workflow.isEveryHandlerFinished());
              closing = true;
              Promise.allOf(work).get();
              parentTold.get();
              setPhase("done");
              String summary = OnboardOutcome.summary(accounts.values());
              result[0] =
                  new OnboardResult(OnboardOutcome.of(accounts.values()), summary, status());
              milestones.done("COMPLETED".equals(result[0].outcome()), "Onboarding " + summary);
            })
        .run();
    log.info("onboarding finished outcome={} summary={}", result[0].outcome(), result[0].summary());
    return result[0];
  }

  private List<String> privilegedAccounts(ApprovalPolicy policy) {
    return request.assignments().stream()
        .filter(a -> policy.isPrivileged(a.role()))
        .map(Assignment::account)
        .collect(Collectors.toList());
  }

  private String describeRoles(List<String> privileged) {
    return request.assignments().stream()
        .filter(a -> privileged.contains(a.account()))
        .map(a -> a.role() + " on " + a.account())
        .collect(Collectors.joining(", "));
  }

  private void setPhase(String phase) {
    this.phase = phase;
    RosterSearchAttributes.upsertPhase(phase, describe());
  }

  /** Plain words for the Web UI's current-details panel. */
  private String describe() {
    return switch (phase) {
      case "approval" -> "Waiting for an approval: " + approval.status().what();
      case "working" -> "Working on " + String.join(", ", accounts.keySet()) + ".";
      case "done" -> "Done: " + OnboardOutcome.summary(accounts.values());
      default -> "Starting.";
    };
  }

  @Override
  public void withdraw(Decision decision) {
    if (withdrawal != null) {
      return;
    }
    withdrawal =
        decision != null && decision.by() != null
            ? decision
            : new Decision("unknown", null, decision == null ? null : decision.source());
    scopes.forEach(s -> s.cancel("withdrawn by " + withdrawal.by()));
  }

  @Override
  public void validateAmend(OnboardAmendment amendment) {
    List<String> problems = OnboardAmendments.problems(amendment, current, policy, ended());
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  @Override
  public OnboardRequest amend(OnboardAmendment amendment) {
    // The accounts' shared context exists once the workflow has read its policy; until then the
    // amendment waits (the validator already accepted it).
    Workflow.await(() -> context != null || closing);
    List<String> problems = OnboardAmendments.problems(amendment, current, policy, ended());
    if (!problems.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          String.join("; ", problems), OnboardRequests.INVALID_REQUEST);
    }
    // Version 1: the first amendment logic; a later change to it branches on this.
    Workflow.getVersion("onboard-amend", Workflow.DEFAULT_VERSION, 1);
    int before = accounts.size();
    List<String> added =
        OnboardAmendments.apply(amendment, current, accounts, context, this::inScope);
    if (accounts.size() > before) {
      Workflow.upsertTypedSearchAttributes(
          RosterSearchAttributes.VENDORS.valueSet(new ArrayList<>(accounts.keySet())));
    }
    amendments.add(amendment.by() + " added " + String.join("; ", added));
    log.info("onboarding amended by={} added={}", amendment.by(), added);
    return request();
  }

  /** Runs {@code body} in a scope of its own that a withdrawal cancels, and counts it as work. */
  private void inScope(Runnable body) {
    CancellationScope scope =
        Workflow.newCancellationScope(() -> work.add(Async.procedure(body::run)));
    scopes.add(scope);
    if (withdrawal != null) {
      scope.cancel("withdrawn by " + withdrawal.by());
    }
    scope.run();
  }

  /** Why an amendment can no longer apply, or null while it can. */
  @Override
  protected String withdrawalRefusal() {
    String why = ended();
    return why == null ? null : "nothing to withdraw: " + why;
  }

  private String ended() {
    if (withdrawal != null) {
      return "it was withdrawn by " + withdrawal.by();
    }
    return closing ? "it has finished" : null;
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
  public OnboardRequest request() {
    return request == null
        ? null
        : new OnboardRequest(
            request.person(),
            List.copyOf(current.values()),
            request.ticket(),
            request.requestedBy());
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
        manualTasks.snapshot(),
        List.copyOf(amendments),
        withdrawal);
  }
}
