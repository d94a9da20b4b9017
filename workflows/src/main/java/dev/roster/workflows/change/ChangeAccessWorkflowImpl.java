package dev.roster.workflows.change;

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
import dev.roster.workflows.offboard.AccountOffboarding;
import dev.roster.workflows.offboard.OffboardContext;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.tasks.ManualTasks;
import dev.roster.workflows.tasks.TaskCompletion;
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

public class ChangeAccessWorkflowImpl extends ApprovingWorkflow implements ChangeAccessWorkflow {
  private static final Logger log = Workflow.getLogger(ChangeAccessWorkflowImpl.class);

  private final ControlActivities control =
      Workflow.newActivityStub(ControlActivities.class, RosterActivityOptions.control());
  private final Map<String, AccountChange> changes = new LinkedHashMap<>();
  private final Map<String, AccountOffboarding> removals = new LinkedHashMap<>();
  private final ManualTasks manualTasks = new ManualTasks();
  private final ChangeAccessRequest request;
  private final List<Promise<Void>> work = new ArrayList<>();
  private AddedAccounts added;
  private String phase = "starting";
  private String subject;
  private Decision withdrawal;
  private CancellationScope scope;

  /** Runs before any signal handler, so an early approval already knows the requester. */
  @WorkflowInit
  public ChangeAccessWorkflowImpl(ChangeAccessRequest request) {
    super(request == null ? null : request.requestedBy());
    this.request = request;
  }

  @Override
  public ChangeAccessResult change(ChangeAccessRequest ignored) {
    List<String> problems = ChangeAccessRequests.problems(request);
    if (!problems.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "invalid ChangeAccess request: " + String.join("; ", problems),
          ChangeAccessRequests.INVALID_REQUEST);
    }
    String workflowId = Workflow.getInfo().getWorkflowId();
    subject = control.subjectOf(request.person().email());
    ApprovalPolicy policy = control.approvalPolicy();
    request.changesOrEmpty().forEach(c -> changes.put(c.account(), accountChange(c, policy)));
    request.removeAccountsOrEmpty().forEach(id -> removals.put(id, new AccountOffboarding(id)));
    added = new AddedAccounts(request, workflowId);
    List<String> accounts = new ArrayList<>(changes.keySet());
    accounts.addAll(added.accounts());
    accounts.addAll(removals.keySet());
    RosterSearchAttributes.upsertRequest("change", subject, accounts, request.ticket());

    Milestones milestones = new Milestones(control, request.ticket());
    manualTasks.reportTo(milestones);
    milestones.post(
        Notice.STARTED, "Changing the access of " + subject + " on " + String.join(", ", accounts));
    List<String> upgraded =
        request.changesOrEmpty().stream()
            .filter(c -> policy.isPrivileged(c.role()))
            .map(AccessChange::account)
            .toList();
    approval.about(request.person().email(), subject, describeRoles(upgraded));
    approval.expect(policy, ApproverRule.PRIVILEGED, upgraded);
    CompletablePromise<ApprovalGate.Result> decided = Workflow.newPromise();
    ChangeContext context =
        new ChangeContext(
            request.person(),
            workflowId,
            request.ticket(),
            control,
            decided,
            manualTasks,
            policy.remindEvery());
    OffboardContext removing =
        new OffboardContext(
            request.person(),
            false,
            request.ticket(),
            control,
            manualTasks,
            policy.remindEvery(),
            true);
    scope =
        Workflow.newCancellationScope(
            () -> {
              changes.values().forEach(a -> work.add(Async.procedure(() -> a.run(context))));
              removals.values().forEach(r -> work.add(Async.procedure(() -> remove(r, removing))));
              if (!added.accounts().isEmpty()) {
                work.add(Async.procedure(added::run));
              }
              if (upgraded.isEmpty()) {
                decided.complete(ApprovalGate.Result.APPROVED);
              } else {
                setPhase("approval");
                String what = "privileged roles: " + describeRoles(upgraded);
                milestones.post(Notice.WAITING_APPROVAL, "Waiting for an approval: " + what + ".");
                try {
                  decided.complete(approval.await(what, policy, control, request.ticket()));
                } catch (CanceledFailure e) {
                  decided.complete(ApprovalGate.Result.CANCELLED);
                }
              }
              setPhase("working");
            });
    if (withdrawal != null) {
      scope.cancel("withdrawn by " + withdrawal.by());
    }
    scope.run();
    ChangeAccessResult[] result = new ChangeAccessResult[1];
    // The bookkeeping must survive a withdrawal's cancellation, so it runs detached.
    Workflow.newDetachedCancellationScope(
            () -> {
              Workflow.await(
                  () ->
                      work.stream().allMatch(Promise::isCompleted)
                          && Workflow.isEveryHandlerFinished());
              setPhase("done");
              List<AccountReport> reports = reports();
              result[0] =
                  new ChangeAccessResult(
                      ChangeOutcome.of(reports, withdrawal != null),
                      ChangeOutcome.summary(reports),
                      status());
              milestones.done(
                  "COMPLETED".equals(result[0].outcome()), "Access change " + result[0].summary());
            })
        .run();
    log.info("change finished outcome={} summary={}", result[0].outcome(), result[0].summary());
    return result[0];
  }

  private static AccountChange accountChange(AccessChange c, ApprovalPolicy policy) {
    return new AccountChange(c, policy.isPrivileged(c.role()));
  }

  /** Offboarding's discovery, revoke and manual check on one account; never erasure. */
  private static void remove(AccountOffboarding account, OffboardContext context) {
    account.discover(context);
    account.revoke(context);
    account.awaitManualRevoke(context);
  }

  private String describeRoles(List<String> upgraded) {
    return request.changesOrEmpty().stream()
        .filter(c -> upgraded.contains(c.account()))
        .map(c -> c.role() + " on " + c.account())
        .collect(Collectors.joining(", "));
  }

  private List<AccountReport> reports() {
    List<AccountReport> reports = new ArrayList<>();
    changes.values().forEach(a -> reports.add(a.report()));
    if (added != null) {
      reports.addAll(added.reports());
    }
    removals.values().forEach(r -> reports.add(r.report()));
    return reports;
  }

  private void setPhase(String phase) {
    this.phase = phase;
    RosterSearchAttributes.upsertPhase(
        phase,
        switch (phase) {
          case "approval" -> "Waiting for an approval: " + approval.status().what();
          case "done" -> "Done: " + ChangeOutcome.summary(reports());
          default -> "Changing the access of " + subject + ": " + phase + ".";
        });
  }

  @Override
  protected String withdrawalRefusal() {
    if (withdrawal != null) {
      return "nothing to withdraw: it was withdrawn by " + withdrawal.by();
    }
    return "done".equals(phase) ? "nothing to withdraw: it has finished" : null;
  }

  @Override
  public void withdraw(Decision decision) {
    if (withdrawal != null || "done".equals(phase)) {
      return;
    }
    withdrawal =
        decision != null && decision.by() != null
            ? decision
            : new Decision("unknown", null, decision == null ? null : decision.source());
    if (scope != null) {
      scope.cancel("withdrawn by " + withdrawal.by());
    }
  }

  @Override
  public void completeManualTask(TaskCompletion completion) {
    manualTasks.complete(completion);
  }

  @Override
  public ChangeAccessRequest request() {
    return request;
  }

  @Override
  public ChangeAccessStatus status() {
    return new ChangeAccessStatus(
        phase,
        request == null ? null : request.ticket(),
        subject,
        request == null ? null : request.requestedBy(),
        approval.status(),
        reports(),
        manualTasks.snapshot(),
        added == null || added.accounts().isEmpty() ? null : added.workflowId(),
        withdrawal);
  }
}
