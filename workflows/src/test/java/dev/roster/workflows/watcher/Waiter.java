package dev.roster.workflows.watcher;

import dev.roster.workflows.team.MemberStatus;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A workflow that only waits for the watcher's word, as OnboardUser does, and returns it. */
@WorkflowInterface
public interface Waiter {

  @WorkflowMethod
  MemberStatus waitForInvitation();

  @SignalMethod(name = InvitationUpdate.SIGNAL)
  void invitationChanged(InvitationUpdate update);

  /** What the watcher said so far, or null. */
  @QueryMethod
  MemberStatus told();

  class Impl implements Waiter {
    private MemberStatus status;

    @Override
    public MemberStatus waitForInvitation() {
      Workflow.await(() -> status != null);
      return status;
    }

    @Override
    public MemberStatus told() {
      return status;
    }

    @Override
    public void invitationChanged(InvitationUpdate update) {
      status = update.status();
    }
  }
}
