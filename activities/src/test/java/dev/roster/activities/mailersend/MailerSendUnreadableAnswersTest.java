package dev.roster.activities.mailersend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.activities.http.VendorUnavailable;
import dev.roster.workflows.team.InviteOutcome;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 2xx that does not read as MailerSend's answer is no success: an invitation is sent once and
 * only an invite for the address counts as sent, and a page without data is not the end of a
 * listing.
 */
class MailerSendUnreadableAnswersTest {
  private static final String ADA = "ada@example.com";

  private MailerSendFixture ms;

  @BeforeEach
  void start() {
    ms = MailerSendFixture.start();
  }

  @AfterEach
  void stop() {
    ms.close();
  }

  @Test
  void anUnreadableInviteAnswerIsRetryableAndTheRetryInvitesOnce() {
    ms.fake.faults().on("POST", "/v1/users").unreadableNext(1, 200);

    assertThatThrownBy(() -> ms.team.invite(ADA, "viewer")).isInstanceOf(VendorUnavailable.class);

    assertThat(ms.fake.invite(ADA)).isEmpty();
    assertThat(ms.team.invite(ADA, "viewer")).isEqualTo(InviteOutcome.INVITED);
    assertThat(ms.fake.invites()).hasSize(1);
  }

  @Test
  void anInviteAnswerForSomeoneElseIsNotAnInvitationSent() {
    ms.fake
        .faults()
        .on("POST", "/v1/users")
        .failNext(
            1,
            200,
            Map.of("Content-Type", "application/json"),
            "{\"data\":{\"id\":\"x1\",\"email\":\"someone@example.com\"}}");

    assertThatThrownBy(() -> ms.team.invite(ADA, "viewer")).isInstanceOf(VendorUnavailable.class);

    assertThat(ms.team.invite(ADA, "viewer")).isEqualTo(InviteOutcome.INVITED);
    assertThat(ms.fake.invite(ADA)).isPresent();
  }

  @Test
  void aTruncatedInviteAnswerIsRetriedAndFindsTheInvitePending() {
    ms.fake.faults().on("POST", "/v1/users").truncateNext(1);

    assertThatThrownBy(() -> ms.team.invite(ADA, "viewer")).isInstanceOf(VendorUnavailable.class);

    assertThat(ms.team.invite(ADA, "viewer")).isEqualTo(InviteOutcome.ALREADY_PENDING);
    assertThat(ms.fake.invites()).hasSize(1);
  }

  @Test
  void aListingPageWithoutDataIsNotAnEmptyTeam() {
    ms.team.invite(ADA, "viewer");
    ms.fake
        .faults()
        .on("GET", "/v1/invites")
        .failNext(1, 200, Map.of("Content-Type", "application/json"), "{\"links\":{}}");

    assertThatThrownBy(() -> ms.team.invite(ADA, "viewer")).isInstanceOf(VendorUnavailable.class);

    // Read as "nobody is invited", it would have sent the invitation a second time.
    assertThat(ms.fake.calls("POST", "/v1/users")).isEqualTo(1);
  }
}
