package dev.roster.worker.vendors;

import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO;
import static dev.roster.worker.testbed.FourVendorsTestbed.BREVO_LIST;
import static dev.roster.worker.testbed.FourVendorsTestbed.LISTMONK;
import static dev.roster.worker.testbed.FourVendorsTestbed.LISTMONK_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.worker.testbed.FourVendorsTestbed;
import dev.roster.workflows.onboard.OnboardResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An onboarding whose vendors answer some writes with a 2xx that does not read (the vendor never
 * saw them) still invites the person once and puts them on every list. Taken as success, those
 * answers left an invitation that "disappeared" and a contact that never existed, so the list step
 * failed for good ("contact does not exist; upsert it before subscribing").
 */
class UnreadableAnswersOnboardingTest {
  private static final String ADA = "ada@example.com";
  private static final String INVITE = "/v3/organization/user/invitation/send";

  @Test
  @Timeout(120)
  void writesAnsweredUnreadablyAreDoneOnceByTheirRetries() {
    try (FourVendorsTestbed world = new FourVendorsTestbed(Duration.ofHours(3), null)) {
      world.brevo.faults().on("POST", INVITE).unreadableNext(1, 200);
      world.brevo.faults().on("POST", "/v3/contacts").unreadableNext(1, 201);
      world.listmonk.faults().on("POST", "/api/subscribers").unreadableNext(1, 200);
      world.listmonk.faults().on("PUT", "/api/subscribers/lists").unreadableNext(1, 200);

      OnboardResult result = world.onboard(ADA, BREVO, LISTMONK);

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      assertThat(world.brevo.member(ADA).orElseThrow().status()).isEqualTo("active");
      assertThat(world.brevo.calls("POST", INVITE)).isEqualTo(2);
      assertThat(world.brevo.listMemberEmails(BREVO_LIST)).containsExactly(ADA);
      assertThat(world.listmonk.listMemberEmails(LISTMONK_LIST)).containsExactly(ADA);
      assertThat(world.brevo.faults().pending()).isZero();
      assertThat(world.listmonk.faults().pending()).isZero();
    }
  }
}
