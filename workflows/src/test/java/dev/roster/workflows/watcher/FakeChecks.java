package dev.roster.workflows.watcher;

import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.team.MemberStatus;
import io.temporal.failure.ApplicationFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The watcher's check as a stateful fake: the invitations that are no longer pending, by waiter;
 * counts the checks (one vendor listing each) and fails the next ones on request.
 */
final class FakeChecks implements InvitationCheckActivities {
  private final Map<String, MemberStatus> settled = new LinkedHashMap<>();
  private int checks;
  private int failures;

  synchronized void settle(String workflowId, MemberStatus status) {
    settled.put(workflowId, status);
  }

  synchronized void failNext(int times) {
    failures = times;
  }

  synchronized int checks() {
    return checks;
  }

  @Override
  public synchronized InvitationCheck checkInvitations(String account, String watcherId) {
    checks++;
    if (failures > 0) {
      failures--;
      throw ApplicationFailure.newFailure("listing refused", FailureTypes.AUTH_FAILED);
    }
    List<SettledInvitation> found =
        settled.entrySet().stream()
            .map(e -> new SettledInvitation(e.getKey(), e.getValue()))
            .toList();
    return new InvitationCheck(found, List.of());
  }
}
