package dev.roster.worker.onboard;

import static dev.roster.worker.onboard.OnboardTestbed.SEND_INVITATION;
import static dev.roster.worker.onboard.OnboardTestbed.TEAM_LISTING;
import static dev.roster.worker.onboard.OnboardTestbed.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.brevo.Member;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many people waiting on one account cost one vendor listing per poll interval, not one each. */
class OnboardConcurrencyTest {
  private static final int PEOPLE = 50;

  @Test
  @Timeout(120)
  void fiftyConcurrentOnboardingsShareOneListingPerPollInterval() {
    try (OnboardTestbed bed = OnboardTestbed.builder().acceptAfter(Duration.ofHours(5)).start()) {
      List<String> ids = new ArrayList<>();
      List<OnboardUserWorkflow> stubs = new ArrayList<>();
      for (int i = 0; i < PEOPLE; i++) {
        String id = "onboard-many-" + i;
        ids.add(id);
        stubs.add(bed.start(id, request(email(i), "viewer", "carol")));
      }
      for (OnboardUserWorkflow stub : stubs) {
        assertThat(OnboardTestbed.result(stub).outcome()).isEqualTo("COMPLETED");
      }

      for (int i = 0; i < PEOPLE; i++) {
        assertThat(bed.fake.member(email(i))).get().extracting(Member::isActive).isEqualTo(true);
      }
      assertThat(bed.fake.calls("POST", SEND_INVITATION)).isEqualTo(PEOPLE);

      Instant first = ids.stream().map(bed::startedAt).min(Instant::compareTo).orElseThrow();
      Instant last = ids.stream().map(bed::lastEventAt).max(Instant::compareTo).orElseThrow();
      long intervals = Duration.between(first, last).toHours();
      // Where the listings come from (read from the code, not guessed):
      // - BrevoConnector.invite lists once before inviting (existingInvite -> memberStatus), so
      //   each of the 50 invitations costs exactly one listing of its own;
      // - the account's one InvitationWatcher lists once per pollInterval (1 h) for all waiters,
      //   from its start (just after the first invitation) until the last waiter is told; that is
      //   at most one per elapsed hour, plus one for a partly elapsed hour;
      // - nothing else lists: no resend or expiry happens within 5-7 hours.
      // One listing per waiter per interval would instead be about 50 * 6 = 300.
      long bound = PEOPLE + intervals + 1;
      assertThat(intervals).isBetween(5L, 8L);
      assertThat(bed.fake.calls("GET", TEAM_LISTING)).isBetween(PEOPLE + 5, (int) bound);
    }
  }

  private static String email(int i) {
    return "person" + i + "@example.com";
  }
}
