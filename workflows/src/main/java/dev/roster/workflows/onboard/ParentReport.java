package dev.roster.workflows.onboard;

import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * For an onboarding started by another workflow (a bulk import's invitation window): tells the
 * parent once every invitation is out, failed or will not run, so its window moves on while this
 * one waits for acceptance.
 */
final class ParentReport {
  private static final Logger log = Workflow.getLogger(ParentReport.class);

  private final Map<String, AccountOnboarding> accounts;

  ParentReport(Map<String, AccountOnboarding> accounts) {
    this.accounts = accounts;
  }

  /**
   * Starts the report in a detached scope, so a withdrawal still reports; completes at once without
   * a parent.
   */
  Promise<Void> tellParentWhenInvited() {
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
}
