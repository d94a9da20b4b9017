package dev.roster.worker.reliability;

import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO;
import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.worker.testbed.FourVendorsOptions;
import dev.roster.worker.testbed.FourVendorsTestbed;
import dev.roster.workflows.onboard.OnboardResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The burst acceptance of issue 10: 200 onboardings started at once on one Brevo account, on the
 * real clock. Roster's own budget queues them (first come first served) instead of failing them
 * into exponential backoff, so the slowest finishes within 3x the median; and every request keeps
 * the vendor's budget, so the fake refuses none (it counts arrivals over its budget).
 *
 * <p>Scaled down: both families allow 30 requests a second on both sides (the worker keeps its
 * usual 2% allowance), invitations are accepted 1 s after they are sent and the watcher looks every
 * 2 s. Before the fix the local budget failed activities again and again (each failure an attempt),
 * and some onboardings then sat in backoffs of minutes.
 */
class BurstOnOneAccountTest {
  private static final int PEOPLE = 200;

  @Test
  @Timeout(300)
  void twoHundredOnboardingsAtOnceKeepTheBudgetAndFinishWithinThreeTimesTheMedian() {
    FourVendorsOptions options =
        FourVendorsOptions.builder()
            .realClock()
            .workerBudget("{requests: 30, per: 1s}")
            .fakeLimit(30, Duration.ofSeconds(1))
            .invitations("{pollInterval: 2s, resendAfter: 3d, expireAfter: 7d}")
            .brevoAcceptAfter(Duration.ofSeconds(1))
            .build();
    try (FourVendorsTestbed bed = new FourVendorsTestbed(options)) {
      Instant start = Instant.ofEpochMilli(bed.env.currentTimeMillis());
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < PEOPLE; i++) {
        String email = "burst" + i + "@example.com";
        ids.add(FourVendorsTestbed.onboardingId(email));
        bed.startOnboarding(email, BREVO);
      }
      for (String id : ids) {
        OnboardResult result = bed.client.newUntypedWorkflowStub(id).getResult(OnboardResult.class);
        assertThat(result.outcome()).as(id).isEqualTo("COMPLETED");
      }
      Completions done = Completions.of(bed.client, ids, start);
      System.out.printf(
          "burst: %d onboardings, median %s, slowest %s (%.2fx the median; the bound is 3x),"
              + " vendor refusals %d, highest attempt %d%n",
          PEOPLE,
          done.median(),
          done.last(),
          done.last().toMillis() / (double) done.median().toMillis(),
          bed.brevo.overBudgetArrivals(),
          done.highestAttempt());

      assertThat(bed.brevo.listMemberEmails(BREVO_LIST)).hasSize(PEOPLE);
      assertThat(done.last()).isLessThanOrEqualTo(done.median().multipliedBy(3));
      assertThat(bed.brevo.overBudgetArrivals()).isZero();
      // No activity spent an attempt on Roster's own budget: each ran once.
      assertThat(done.highestAttempt()).isEqualTo(1);
    }
  }
}
