package dev.roster.workflows.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.testing.TestRoster;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The InvitationWatcher's timer-based polling: one check per interval for all its waiters, each
 * told once its invitation settles, a failed check tried again at the next interval, and the
 * watcher ending when nobody waits. The environment's sleep stops exactly at the virtual time it
 * asks for, so the number of checks is the number of intervals passed. Waiters are asked by query
 * meanwhile: waiting for a result lets the test server skip time (to the watcher's next poll)
 * before the client locks it again.
 */
@Timeout(60)
class InvitationWatcherTest {
  @RegisterExtension static final TestWorkflowExtension temporal = TestRoster.extension();

  private static final String TEAM_QUEUE = TaskQueues.activityQueue("acme", "team");

  private final FakeChecks checks = new FakeChecks();

  private WorkflowClient start(TestWorkflowEnvironment env) {
    Worker roster = env.newWorker(TaskQueues.ROSTER);
    roster.registerWorkflowImplementationTypes(
        InvitationWatcherWorkflowImpl.class, Waiter.Impl.class);
    env.newWorker(TEAM_QUEUE).registerActivitiesImplementations(checks);
    env.start();
    return env.getWorkflowClient();
  }

  private static <T> T stub(WorkflowClient client, Class<T> type, String id) {
    return client.newWorkflowStub(
        type,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.ROSTER).build());
  }

  private static Waiter waiter(WorkflowClient client, String id) {
    Waiter waiter = stub(client, Waiter.class, id);
    WorkflowClient.start(waiter::waitForInvitation);
    return waiter;
  }

  /** As the control activity does it: signal-with-start, so the first waiter is never missed. */
  private static InvitationWatcherWorkflow watch(WorkflowClient client, String firstWaiter) {
    InvitationWatcherWorkflow watcher =
        stub(client, InvitationWatcherWorkflow.class, WatcherState.workflowId("acme"));
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(watcher::watch, WatcherState.first("acme", TEAM_QUEUE, Duration.ofHours(1)));
    request.add(watcher::registerWaiter, firstWaiter);
    client.signalWithStart(request);
    return watcher;
  }

  private static MemberStatus result(Waiter waiter) {
    return WorkflowStub.fromTyped(waiter).getResult(MemberStatus.class);
  }

  @Test
  void oneCheckPerIntervalServesEveryWaiterUntilNobodyWaits(TestWorkflowEnvironment env) {
    WorkflowClient client = start(env);
    Waiter ann = waiter(client, "onboard-ann");
    Waiter ben = waiter(client, "onboard-ben");
    InvitationWatcherWorkflow watcher = watch(client, "onboard-ann");
    env.sleep(Duration.ofMinutes(30));
    assertThat(checks.checks()).isZero();

    watcher.registerWaiter("onboard-ben");
    checks.settle("onboard-ann", MemberStatus.ACTIVE);
    env.sleep(Duration.ofHours(1));

    assertThat(checks.checks()).isEqualTo(1);
    assertThat(ann.told()).isEqualTo(MemberStatus.ACTIVE);
    assertThat(ben.told()).isNull();
    assertThat(watcher.waiting()).containsExactly("onboard-ben");

    checks.settle("onboard-ben", MemberStatus.ABSENT);
    env.sleep(Duration.ofHours(1));

    assertThat(checks.checks()).isEqualTo(2);
    assertThat(ben.told()).isEqualTo(MemberStatus.ABSENT);
    assertThat(watcher.waiting()).isEmpty();
    WorkflowStub.fromTyped(watcher).getResult(Void.class); // ends: nobody waits
    assertThat(checks.checks()).isEqualTo(2);
    assertThat(result(ann)).isEqualTo(MemberStatus.ACTIVE);
  }

  @Test
  void aFailedCheckIsTriedAgainAtTheNextInterval(TestWorkflowEnvironment env) {
    WorkflowClient client = start(env);
    Waiter ann = waiter(client, "onboard-ann");
    checks.failNext(1);
    checks.settle("onboard-ann", MemberStatus.ACTIVE);
    InvitationWatcherWorkflow watcher = watch(client, "onboard-ann");
    env.sleep(Duration.ofMinutes(90));

    assertThat(checks.checks()).isEqualTo(1);
    assertThat(watcher.waiting()).containsExactly("onboard-ann");

    env.sleep(Duration.ofHours(1));

    assertThat(checks.checks()).isEqualTo(2);
    assertThat(ann.told()).isEqualTo(MemberStatus.ACTIVE);
    WorkflowStub.fromTyped(watcher).getResult(Void.class);
  }

  @Test
  void aWatcherWhoseLastWaiterLeavesEndsWithoutChecking(TestWorkflowEnvironment env) {
    WorkflowClient client = start(env);
    waiter(client, "onboard-ann");
    InvitationWatcherWorkflow watcher = watch(client, "onboard-ann");

    watcher.unregister("onboard-ann");

    WorkflowStub.fromTyped(watcher).getResult(Void.class);
    assertThat(checks.checks()).isZero();
  }
}
