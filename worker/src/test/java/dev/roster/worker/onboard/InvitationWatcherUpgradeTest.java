package dev.roster.worker.onboard;

import static dev.roster.worker.onboard.InvitationWatcherTest.await;
import static dev.roster.worker.onboard.InvitationWatcherTest.signalled;
import static dev.roster.worker.onboard.InvitationWatcherTest.waiting;
import static dev.roster.worker.onboard.OnboardInvitationTest.step;
import static dev.roster.worker.onboard.OnboardTestbed.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.worker.testbed.Histories;
import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.steps.StepState;
import dev.roster.workflows.watcher.InvitationWatcherWorkflow;
import dev.roster.workflows.watcher.InvitationWatcherWorkflowImpl;
import dev.roster.workflows.watcher.Watch;
import dev.roster.workflows.watcher.WatcherState;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.VersionPreference;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A watcher started before waiters were kept by id (its polls answer the by-id change with the
 * default version, as the recorded histories of that code do) keeps working on the new code: it
 * lists by email for the waiters registered with one, leaves alone those registered by id, and
 * checks by id from its first poll that runs on the new code.
 */
class InvitationWatcherUpgradeTest {
  private static final String OLD_QUEUE = "roster-before-by-id";

  /** Polls 0 and 1 behave as the old code did; from poll 2 the worker is "upgraded". */
  private static final Set<String> OLD_POLLS = Set.of("watch-by-id-0", "watch-by-id-1");

  @Test
  @Timeout(90)
  void aRunningWatcherOfTheOldCodeSwitchesToIdsWithoutMisjudgingAnyWaiter() {
    try (OnboardTestbed bed = OnboardTestbed.builder().acceptAfter(null).start()) {
      WorkerFactory oldCode = WorkerFactory.newInstance(bed.client);
      oldCode
          .newWorker(
              OLD_QUEUE,
              WorkerOptions.newBuilder()
                  .setPreferredVersionProvider(
                      input ->
                          OLD_POLLS.contains(input.getChangeId())
                              ? VersionPreference.of(Workflow.DEFAULT_VERSION)
                              : null)
                  .build())
          .registerWorkflowImplementationTypes(InvitationWatcherWorkflowImpl.class);
      oldCode.start();
      try {
        String watcherId = OnboardTestbed.watcherId();
        InvitationWatcherWorkflow watcher =
            bed.client.newWorkflowStub(
                InvitationWatcherWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(watcherId)
                    .setTaskQueue(OLD_QUEUE)
                    .build());
        // Started by the old code for Ada, with her email in its input as that code kept it.
        WorkflowClient.start(
            watcher::watch,
            new WatcherState(
                OnboardTestbed.ACCOUNT,
                TaskQueues.activityQueue(OnboardTestbed.ACCOUNT, "organization"),
                Duration.ofHours(1),
                List.of(new Watch("onboard-ada", "ada@example.com")),
                null));
        OnboardUserWorkflow ada =
            bed.start("onboard-ada", request("ada@example.com", "viewer", "c"));
        // Grace registers as the new code does, by id only.
        OnboardUserWorkflow grace =
            bed.start("onboard-grace", request("grace@example.com", "viewer", "c"));
        await(
            bed,
            () ->
                waiting(bed).size() == 2
                    && bed.fake.member("ada@example.com").isPresent()
                    && bed.fake.member("grace@example.com").isPresent());
        bed.fake.acceptInvitation("ada@example.com");
        bed.fake.acceptInvitation("grace@example.com");

        OnboardResult adaDone = OnboardTestbed.result(ada);
        OnboardResult graceDone = OnboardTestbed.result(grace);
        WorkflowStub.fromTyped(watcher).getResult(Void.class);

        assertThat(adaDone.outcome()).isEqualTo("COMPLETED");
        // Grace was registered by id: the email listing left her alone instead of telling her
        // that her invitation had disappeared, and the first check by id told her it was accepted.
        assertThat(graceDone.outcome()).isEqualTo("COMPLETED");
        assertThat(step(graceDone.status().accounts().get(0), "acceptance").state())
            .isEqualTo(StepState.DONE);
        assertThat(bed.elapsed("onboard-grace")).isGreaterThan(bed.elapsed("onboard-ada"));

        List<HistoryEvent> events = bed.client.fetchHistory(watcherId).getHistory().getEventsList();
        assertThat(
                events.stream().map(InvitationWatcherTest::activityType).filter(t -> !t.isEmpty()))
            .containsExactly("ListMembers", "ListMembers", "CheckInvitations");
        assertThat(signalled(events, "invitationChanged"))
            .containsExactly("onboard-ada", "onboard-grace");
        Histories.record(bed.client, watcherId, null, "invitation-watcher-upgrade.json");
      } finally {
        oldCode.shutdownNow();
      }
    }
  }
}
