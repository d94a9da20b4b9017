package dev.roster.activities.control;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.EmailMask;
import dev.roster.workflows.team.MemberEntry;
import dev.roster.workflows.team.MemberStatus;
import dev.roster.workflows.team.TeamActivities;
import dev.roster.workflows.watcher.InvitationCheck;
import dev.roster.workflows.watcher.InvitationCheckActivities;
import dev.roster.workflows.watcher.InvitationWatcherWorkflow;
import dev.roster.workflows.watcher.SettledInvitation;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watcher's poll: waiters by id from the watcher, their addresses from their requests, one
 * listing of the account, the match. Registered on every account queue; one instance serves all.
 */
public final class InvitationChecks implements InvitationCheckActivities {
  private static final Logger log = LoggerFactory.getLogger(InvitationChecks.class);

  /** Waiting ids read per query: a bounded answer however long the list. */
  static final int PAGE = 1000;

  private final TeamActivities team;
  private final WorkflowClient client;
  private final WaiterAddresses addresses;

  /**
   * Per account, the addresses found so far, by waiter id. A waiter's address never changes, so a
   * poll (or a retry) looks up only the waiters it has not seen; ids that left the waiting list are
   * forgotten at the end of each check, so a reused id is looked up afresh.
   */
  private final Map<String, Map<String, String>> known = new ConcurrentHashMap<>();

  /**
   * @param team the team activities, for the account's one listing (with their failure mapping)
   * @param client reads the watcher's waiting list and the waiters' requests
   */
  public InvitationChecks(TeamActivities team, WorkflowClient client) {
    this.team = requireNonNull(team, "team is null");
    this.client = requireNonNull(client, "client is null");
    this.addresses = new WaiterAddresses(client);
  }

  @Override
  public InvitationCheck checkInvitations(String account, String watcherId) {
    InvitationWatcherWorkflow watcher =
        client.newWorkflowStub(InvitationWatcherWorkflow.class, watcherId);
    Map<String, String> cache = known.computeIfAbsent(account, a -> new ConcurrentHashMap<>());
    Map<String, String> found = new LinkedHashMap<>();
    List<String> gone = new ArrayList<>();
    int from = 0;
    while (true) {
      List<String> page = watcher.waitingPage(from, PAGE);
      for (String id : page) {
        String cached = cache.get(id);
        Optional<String> email = cached != null ? Optional.of(cached) : addresses.emailOf(id);
        email.ifPresentOrElse(
            e -> {
              found.put(id, e);
              cache.put(id, e);
            },
            () -> {
              gone.add(id);
              log.info(
                  "waiter dropped account={} workflowId={} reason=no_such_request", account, id);
            });
      }
      from += page.size();
      // Liveness only: a retry starts over, cheaply, as the addresses found are kept.
      Activity.getExecutionContext().heartbeat(from);
      if (page.size() < PAGE) {
        break;
      }
    }
    // Forget waiters that left: an id used again later is looked up afresh.
    cache.keySet().retainAll(found.keySet());
    // The one listing comes last, so a retry after a failed look-up does not list twice.
    List<MemberEntry> members = found.isEmpty() ? List.of() : team.listMembers(account);
    Map<String, MemberStatus> byEmail = new HashMap<>();
    members.forEach(m -> byEmail.put(normalize(m.email()), m.status()));
    List<SettledInvitation> settled = new ArrayList<>();
    found.forEach(
        (id, email) -> {
          MemberStatus status = byEmail.getOrDefault(email, MemberStatus.ABSENT);
          if (status != MemberStatus.PENDING) {
            settled.add(new SettledInvitation(id, status));
            log.info(
                "invitation settled account={} workflowId={} email={} status={}",
                account,
                id,
                EmailMask.mask(email),
                status);
          }
        });
    return new InvitationCheck(settled, gone);
  }

  private static String normalize(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }
}
