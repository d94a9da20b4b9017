package dev.roster.activities.mailersend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.activities.http.ActivityFailures;
import dev.roster.activities.http.AuthFailed;
import dev.roster.activities.http.RateLimited;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.sandbox.mailersend.FakeMailerSend;
import dev.roster.workflows.failure.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailerSendFailuresTest {
  private static final String ADA = "ada@example.com";

  private MailerSendFixture ms;

  @AfterEach
  void stop() {
    ms.close();
  }

  @Test
  void rateLimitedInviteActivityFailureWaitsForRetryAfter() {
    ms = MailerSendFixture.start();
    ms.fake
        .faults()
        .failNext(
            1,
            429,
            Map.of("retry-after", "37", "x-request-id", "req-429"),
            "{\"message\":\"Too Many Attempts.\"}");

    RateLimited e = catchThrowableOfType(RateLimited.class, () -> ms.team.invite(ADA, "viewer"));
    ApplicationFailure f = ActivityFailures.toApplicationFailure(e);

    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(37));
    assertThat(e.requestId()).isEqualTo("req-429");
    assertThat(f.getType()).isEqualTo(FailureTypes.RATE_LIMITED);
    assertThat(f.isNonRetryable()).isFalse();
    assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(37));
  }

  @Test
  void fakesOwnRateLimitGivesRetryAfterOfTheWindow() {
    ms =
        MailerSendFixture.start(
            FakeMailerSend.Options.builder().rateLimit(1, Duration.ofMinutes(1)).build());
    ms.client.listInvites();

    RateLimited e = catchThrowableOfType(RateLimited.class, () -> ms.client.listInvites());

    assertThat(ms.fake.calls("GET", "/v1/invites")).isEqualTo(2);
    assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
    assertThat(ActivityFailures.toApplicationFailure(e).getNextRetryDelay())
        .isEqualTo(e.retryAfter());
  }

  @Test
  void spentDailyQuotaWithoutRetryAfterWaitsUntilTheQuotaReset() {
    ms = MailerSendFixture.start();
    String reset = Instant.now().plusSeconds(3600).toString();
    ms.fake
        .faults()
        .failNext(1, 429, Map.of("x-apiquota-remaining", "0", "x-apiquota-reset", reset), "");

    RateLimited e = catchThrowableOfType(RateLimited.class, () -> ms.client.listUsers());

    assertThat(e.retryAfter()).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
  }

  @Test
  void quotaRemainingIsObservedFromEveryResponse() {
    ms = MailerSendFixture.start(FakeMailerSend.Options.builder().dailyQuota(500).build());
    MailerSendClient warnEarly = MailerSendFixture.client(ms.fake, ms.fake.token(), 1000);

    warnEarly.listUsers();
    warnEarly.listInvites();

    // The second call is logged at WARN (remaining 498 <= 1000); the count is what we can assert.
    assertThat(warnEarly.quotaRemaining()).isEqualTo(498);
  }

  @Test
  void unlimitedQuotaMinusOneIsNeverLow() {
    ms = MailerSendFixture.start();
    ms.fake.faults().failNext(1, 200, Map.of("x-apiquota-remaining", "-1"), "{\"data\":[]}");

    ms.client.listUsers();

    assertThat(ms.client.quotaRemaining()).isEqualTo(-1);
  }

  @Test
  void wrongTokenIsNonRetryableAuthFailedWithoutTheToken() {
    ms = MailerSendFixture.start();
    MailerSendClient wrong = MailerSendFixture.client(ms.fake, "not-the-token", 100);

    AuthFailed e = catchThrowableOfType(AuthFailed.class, () -> wrong.listUsers());

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.vendorMessage()).isEqualTo("Unauthenticated.");
    assertThat(e.getMessage()).doesNotContain("not-the-token");
    ApplicationFailure f = ActivityFailures.toApplicationFailure(e);
    assertThat(f.getType()).isEqualTo(FailureTypes.AUTH_FAILED);
    assertThat(f.isNonRetryable()).isTrue();
  }

  @Test
  void serverErrorAndDroppedConnectionAreRetryable() {
    ms = MailerSendFixture.start();
    // The drop meets a pooled connection, which the client sends on once more, fresh: drop that
    // one too.
    ms.fake.faults().failNext(1, 502, Map.of(), "<html>bad gateway</html>").dropNext(2);

    VendorUnavailable first =
        catchThrowableOfType(VendorUnavailable.class, () -> ms.team.listMembers());
    VendorUnavailable second =
        catchThrowableOfType(VendorUnavailable.class, () -> ms.contacts.suppress(ADA));

    assertThat(first.getMessage()).doesNotContain("bad gateway");
    assertThat(second.status()).isZero();
    assertThat(ms.fake.isSuppressed(ADA)).isFalse();
    assertThat(ActivityFailures.toApplicationFailure(second).isNonRetryable()).isFalse();
  }
}
