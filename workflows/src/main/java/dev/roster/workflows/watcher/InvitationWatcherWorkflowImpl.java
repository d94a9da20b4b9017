package dev.roster.workflows.watcher;

import dev.roster.workflows.conventions.RosterActivityOptions;
import dev.roster.workflows.team.MemberEntry;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.team.TeamActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
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

  /**
   * Polls check waiters by id from this change on. Each poll asks under its own change id
   * ("watch-by-id-" + poll number) until one answers 1, so a run started before the change switches
   * at its first poll on new code instead of keeping the email listing for up to 500 polls; its
   * replayed polls (no marker) keep their recorded commands.
   */
  static final String BY_ID_CHANGE = "watch-by-id-";

  /** Waiters told at once: a few hundred signal commands per workflow task at most. */
  static final int NOTIFY_BATCH = 100;

  /** Insertion order is registration order; the email is set only for waiters of older runs. */
  private final Map<String, Watch> watches = new LinkedHashMap<>();

  private boolean byId;

  @Override
  public void watch(WatcherState state) {
    state.watches().forEach(w -> watches.put(w.workflowId(), w));
    state.waiting().forEach(id -> watches.putIfAbsent(id, new Watch(id, null)));
    // The activity queue comes from the input, so the stubs cannot be fields.
    TeamActivities team =
        Workflow.newActivityStub(
            TeamActivities.class,
            RosterActivityOptions.vendorCall(state.teamTaskQueue(), "list members"));
    InvitationCheckActivities checks =
        Workflow.newActivityStub(InvitationCheckActivities.class, checkOptions(state));
    int polls = 0;
    while (!watches.isEmpty()) {
      Workflow.setCurrentDetails(
          "Watching " + watches.size() + " invitation(s) on " + state.account() + ".");
      Workflow.await(state.pollInterval(), () -> watches.isEmpty());
      if (watches.isEmpty()) {
        break;
      }
      if (!byId) {
        byId = Workflow.getVersion(BY_ID_CHANGE + polls, Workflow.DEFAULT_VERSION, 1) == 1;
      }
      if (byId) {
        check(state.account(), checks);
      } else {
        pollByEmail(state.account(), team);
      }
      polls++;
      if (!watches.isEmpty()
          && (polls >= MAX_POLLS_PER_RUN || Workflow.getInfo().isContinueAsNewSuggested())) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        // Ids only: the emails older runs carried stay behind in this run's history.
        Workflow.continueAsNew(state.next(new ArrayList<>(watches.keySet())));
      }
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
  }

  private void check(String account, InvitationCheckActivities checks) {
    InvitationCheck found;
    try {
      found = checks.checkInvitations(account, Workflow.getInfo().getWorkflowId());
    } catch (ActivityFailure e) {
      // A failed check is retried at the next interval; waiters keep their own expiry.
      log.warn("invitation check failed account={} reason={}", account, e.getCause().getMessage());
      return;
    }
    for (String gone : found.gone()) {
      if (watches.remove(gone) != null) {
        log.info("waiter gone workflowId={} account={}", gone, account);
      }
    }
    List<SettledInvitation> settled =
        found.settled().stream().filter(s -> watches.containsKey(s.workflowId())).toList();
    for (int from = 0; from < settled.size(); from += NOTIFY_BATCH) {
      List<Promise<Void>> sent = new ArrayList<>();
      for (SettledInvitation s :
          settled.subList(from, Math.min(from + NOTIFY_BATCH, settled.size()))) {
        watches.remove(s.workflowId());
        InvitationUpdate update = new InvitationUpdate(account, s.status());
        sent.add(Async.procedure(() -> notifyWaiter(s.workflowId(), update)));
      }
      Promise.allOf(sent).get();
      if (Workflow.getInfo().isContinueAsNewSuggested()) {
        // The rest stay registered: the next run's first check finds them again.
        break;
      }
    }
  }

  /**
   * The poll of runs started before waiters were kept by id, replayed as recorded: one listing,
   * matched by the emails those runs registered.
   */
  private void pollByEmail(String account, TeamActivities team) {
    List<MemberEntry> members;
    try {
      members = team.listMembers(account);
    } catch (ActivityFailure e) {
      log.warn(
          "invitation listing failed account={} reason={}", account, e.getCause().getMessage());
      return;
    }
    Map<String, MemberStatus> byEmail = new HashMap<>();
    members.forEach(m -> byEmail.put(normalize(m.email()), m.status()));
    for (Watch w : new ArrayList<>(watches.values())) {
      if (w.email() == null) {
        // Registered by id (new code sent it): the first by-id check decides for it.
        continue;
      }
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

  /**
   * A check may look up tens of thousands of waiters (cached between polls) before its one listing:
   * longer than a plain vendor call, with a heartbeat to tell a stuck worker from a busy one. The
   * heartbeat timeout leaves room for the listing itself, which had 60 s as a call of its own.
   */
  static ActivityOptions checkOptions(WatcherState state) {
    return ActivityOptions.newBuilder(
            RosterActivityOptions.vendorCall(state.teamTaskQueue(), "check invitations"))
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        .setHeartbeatTimeout(Duration.ofMinutes(2))
        .build();
  }

  @Override
  public void registerWaiter(String workflowId) {
    watches.putIfAbsent(workflowId, new Watch(workflowId, null));
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

  @Override
  public int waitingCount() {
    return watches.size();
  }

  @Override
  public List<String> waitingPage(int from, int max) {
    return watches.keySet().stream().skip(Math.max(0, from)).limit(Math.max(0, max)).toList();
  }
}
