package dev.roster.activities.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.activities.brevo.BrevoClient;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.brevo.FakeBrevo;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where a permit counts from, on a real server and the real clock. */
class MeteredHttpTest {
  private final FakeBrevo fake = FakeBrevo.start();

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void aPermitCountsFromItsAnswerSoTheNextRequestArrivesAWholeWindowLater() {
    // One request per 500 ms; the server takes 300 ms to answer. Counted from when the first
    // request was written, the second could arrive 500 ms after the first arrived: the vendor
    // counts both in one window whenever the first arrived a little late.
    Duration window = Duration.ofMillis(500);
    Duration answerTime = Duration.ofMillis(300);
    fake.faults().latency(answerTime);
    BrevoClient client =
        new BrevoClient(
            HttpUrl.get(fake.baseUrl()),
            new Secret(fake.apiKey()),
            RateBudget.of("brevo", "test/organization", new RateBudget.Limit(1, window)),
            RateBudget.of("brevo", "test/contacts", new RateBudget.Limit(1, window)),
            VendorHttp.newClient("brevo", BrevoClient.REQUEST_ID_HEADERS));

    client.organization().listInvitedUsers();
    client.organization().listInvitedUsers();

    List<FakeRequest> arrivals = fake.requests();
    assertThat(arrivals).hasSize(2);
    Duration between = Duration.between(arrivals.get(0).receivedAt(), arrivals.get(1).receivedAt());
    assertThat(between).isGreaterThanOrEqualTo(window.plus(answerTime));
  }
}
