package dev.roster.workflows.watcher;

import dev.roster.workflows.common.RosterActivityOptions;
import dev.roster.workflows.team.MemberEntry;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.team.TeamActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;

public class InvitationWatcherWorkflowImpl implements InvitationWatcherWorkflow {
  private static final Logger log = Workflow.getLogger(InvitationWatcherWorkflowImpl.class);

  /** Keep each run's history short; a listing costs a handful of events. */
  static final int MAX_POLLS_PER_RUN = 500;

  private final Map<String, Watch> watches = new LinkedHashMap<>();

  @Override
  public void watch(WatcherState state) {
    state.watches().forEach(w -> watches.put(w.workflowId(), w));
    // The activity queue comes from the input, so the stub cannot be a field.
    TeamActivities team =
        Workflow.newActivityStub(
            TeamActivities.class,
            RosterActivityOptions.vendorCall(state.teamTaskQueue(), "list members"));
    int polls = 0;
    while (!watches.isEmpty()) {
      Workflow.setCurrentDetails(
          "Watching " + watches.size() + " invitation(s) on " + state.account() + ".");
      Workflow.await(state.pollInterval(), () -> watches.isEmpty());
      if (watches.isEmpty()) {
        break;
      }
      poll(state.account(), team);
      polls++;
      if (!watches.isEmpty()
          && (polls >= MAX_POLLS_PER_RUN || Workflow.getInfo().isContinueAsNewSuggested())) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        Workflow.continueAsNew(
            new WatcherState(
                state.account(),
                state.teamTaskQueue(),
                state.pollInterval(),
                new ArrayList<>(watches.values())));
      }
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
  }

  private void poll(String account, TeamActivities team) {
    List<MemberEntry> members;
    try {
      members = team.listMembers(account);
    } catch (ActivityFailure e) {
      // A failed listing is retried at the next interval; waiters keep their own expiry.
      log.warn(
          "invitation listing failed account={} reason={}", account, e.getCause().getMessage());
      return;
    }
    Map<String, MemberStatus> byEmail = new HashMap<>();
    members.forEach(m -> byEmail.put(normalize(m.email()), m.status()));
    for (Watch w : new ArrayList<>(watches.values())) {
      MemberStatus status = byEmail.getOrDefault(normalize(w.email()), MemberStatus.ABSENT);
      if (status != MemberStatus.PENDING) {
        watches.remove(w.workflowId());
        notifyWaiter(w.workflowId(), new InvitationUpdate(account, status));
      }
    }
  }

  private static void notifyWaiter(String workflowId, InvitationUpdate update) {
    try {
      Workflow.newUntypedExternalWorkflowStub(workflowId).signal(InvitationUpdate.SIGNAL, update);
    } catch (RuntimeException e) {
      // The waiter ended meanwhile (cancelled, expired, terminated): nothing left to tell.
      log.info("waiter gone workflowId={} status={}", workflowId, update.status());
    }
  }

  private static String normalize(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public void register(Watch watch) {
    watches.put(watch.workflowId(), watch);
  }

  @Override
  public void unregister(String workflowId) {
    watches.remove(workflowId);
  }

  @Override
  public List<String> waiting() {
    return List.copyOf(watches.keySet());
  }
}
