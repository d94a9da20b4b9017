package dev.roster.activities.mailjet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.activities.ContactActivitiesImpl;
import dev.roster.activities.http.ActivityFailures;
import dev.roster.activities.http.AuthFailed;
import dev.roster.activities.http.RateLimited;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.http.RetryDelays;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.sandbox.mailjet.FakeMailjet;
import dev.roster.workflows.contacts.ContactData;
import dev.roster.workflows.failure.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailjetFailuresTest {
  private static final String ADA = "ada@example.com";
  private static final String ERROR_429 =
      "{\"ErrorInfo\":\"\",\"ErrorMessage\":\"Too many requests\",\"StatusCode\":429}";

  private MailjetFixture mailjet = MailjetFixture.start();

  @AfterEach
  void stop() {
    mailjet.close();
  }

  @Test
  void headerless429IsRateLimitedWithoutAVendorDelay() {
    mailjet.fake.faults().failNext(1, 429, Map.of(), ERROR_429);

    RateLimited e = catchThrowableOfType(RateLimited.class, () -> mailjet.client.getContact(ADA));

    assertThat(e.status()).isEqualTo(429);
    assertThat(e.retryAfter()).isNull();
    assertThat(e.vendorMessage()).isEqualTo("Too many requests");
  }

  @Test
  void spentFakeBudgetAnswersHeaderless429ThatTheClientMapsToRateLimited() {
    mailjet.close();
    mailjet =
        MailjetFixture.start(FakeMailjet.Options.builder().rateLimit(1, Duration.ofMinutes(1)));
    mailjet.client.getContact(ADA);

    RateLimited e = catchThrowableOfType(RateLimited.class, () -> mailjet.client.getContact(ADA));

    assertThat(e.retryAfter()).isNull();
  }

  @Test
  void headerless429BacksOffWithGrowingJitteredDelaysPerAttempt() {
    mailjet.fake.faults().failNext(1, 429, Map.of(), ERROR_429);
    RateLimited e = catchThrowableOfType(RateLimited.class, () -> mailjet.client.getContact(ADA));
    // Full jitter at 90% of each attempt's ceiling: 1 s, 2 s, 4 s ceilings.
    RetryDelays delays =
        new RetryDelays(
            Clock.systemUTC(), () -> 0.9, Duration.ofSeconds(1), Duration.ofMinutes(10));

    List<Duration> next =
        List.of(1, 2, 3).stream()
            .map(attempt -> ActivityFailures.toApplicationFailure(e, delays, attempt))
            .peek(f -> assertThat(f.getType()).isEqualTo(FailureTypes.RATE_LIMITED))
            .peek(f -> assertThat(f.isNonRetryable()).isFalse())
            .map(ApplicationFailure::getNextRetryDelay)
            .toList();

    assertThat(next)
        .containsExactly(Duration.ofMillis(900), Duration.ofMillis(1800), Duration.ofMillis(3600));
  }

  @Test
  void headerless429DelaysStayWithinEachAttemptsCeilingWithRealRandomness() {
    RateLimited e = new RateLimited("mailjet", "getContact", 429, null, null, null);
    RetryDelays delays = RetryDelays.system();
    for (int attempt = 1; attempt <= 3; attempt++) {
      for (int i = 0; i < 50; i++) {
        Duration d = ActivityFailures.toApplicationFailure(e, delays, attempt).getNextRetryDelay();
        assertThat(d).isBetween(Duration.ZERO, delays.ceiling(attempt));
      }
    }
    assertThat(delays.ceiling(1)).isLessThan(delays.ceiling(2));
    assertThat(delays.ceiling(2)).isLessThan(delays.ceiling(3));
  }

  @Test
  void rateLimitedActivityFailureIsRetryableWithABackoffDelay() {
    ContactActivitiesImpl contacts =
        new ContactActivitiesImpl(Map.<String, ContactConnector>of("mj", mailjet.contacts));
    mailjet.fake.faults().failNext(1, 429, Map.of(), ERROR_429);

    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class,
            () -> contacts.upsertContact("mj", new ContactData(ADA, "Ada", null, null)));

    assertThat(f.getType()).isEqualTo(FailureTypes.RATE_LIMITED);
    assertThat(f.isNonRetryable()).isFalse();
    // Outside an activity the attempt is 1: jittered within the first 1 s ceiling.
    assertThat(f.getNextRetryDelay()).isBetween(Duration.ZERO, Duration.ofSeconds(1));
  }

  @Test
  void wrongSecretIsAuthFailedWithoutLeakingCredentials() {
    MailjetClient wrong = MailjetFixture.client(mailjet.fake, mailjet.fake.apiKey(), "not-it");

    AuthFailed e = catchThrowableOfType(AuthFailed.class, () -> wrong.getContact(ADA));

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.vendorMessage()).startsWith("API key authentication/authorization failure");
    assertThat(e.getMessage()).doesNotContain("not-it").doesNotContain(mailjet.fake.apiKey());
  }

  @Test
  void serverErrorAndDroppedConnectionAreRetryableVendorUnavailable() {
    mailjet.fake.faults().failNext(1, 500, Map.of(), "<html>oops</html>").dropNext(1);

    VendorUnavailable first =
        catchThrowableOfType(VendorUnavailable.class, () -> mailjet.client.getContact(ADA));
    VendorUnavailable second =
        catchThrowableOfType(
            VendorUnavailable.class,
            () -> mailjet.contacts.upsert(new ContactData(ADA, null, null, null)));

    assertThat(first.status()).isEqualTo(500);
    assertThat(first.getMessage()).doesNotContain("oops");
    assertThat(second.status()).isZero();
    assertThat(mailjet.fake.contact(ADA)).isEmpty();
  }

  @Test
  void undefinedPropertyIsRejected() {
    mailjet.client.createContact(ADA, null, null);

    Rejected e =
        catchThrowableOfType(
            Rejected.class, () -> mailjet.client.setContactData(ADA, Map.of("nope", "x")));

    assertThat(e.status()).isEqualTo(400);
  }
}
