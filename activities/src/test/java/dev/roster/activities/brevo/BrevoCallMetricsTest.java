package dev.roster.activities.brevo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.activities.http.RateLimited;
import dev.roster.activities.http.VendorCallMetrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every metered call lands in Roster's vendor series with its account, family, operation and
 * outcome; a 429 is counted as such; no label carries the person.
 */
class BrevoCallMetricsTest {
  private static final String ADA = "ada@example.com";
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private BrevoFixture brevo;

  @BeforeEach
  void start() {
    Metrics.addRegistry(registry);
    brevo = BrevoFixture.start();
  }

  @AfterEach
  void stop() {
    brevo.close();
    Metrics.removeRegistry(registry);
  }

  @Test
  void callsAreCountedByOutcomeAndA429AsThrottled() {
    brevo.fake.faults().failNext(1, 429, Map.of("x-sib-ratelimit-reset", "7"), "");
    catchThrowableOfType(RateLimited.class, () -> brevo.team.invite(ADA, "viewer"));
    brevo.team.invite(ADA, "viewer");

    Timer throttled =
        registry
            .find(VendorCallMetrics.REQUESTS)
            .tags("account", "test", "family", "organization", "outcome", "429")
            .timer();
    assertThat(throttled).isNotNull();
    assertThat(throttled.count()).isEqualTo(1);
    assertThat(
            registry
                .find(VendorCallMetrics.THROTTLED)
                .tags("account", "test", "family", "organization")
                .counter()
                .count())
        .isEqualTo(1.0);
    long ok =
        registry.find(VendorCallMetrics.REQUESTS).tags("outcome", "2xx").timers().stream()
            .mapToLong(Timer::count)
            .sum();
    // The second invite looks for an existing invitation, then sends one.
    assertThat(ok).isEqualTo(brevo.fake.totalCalls() - 1);

    for (Meter meter : registry.getMeters()) {
      for (Tag tag : meter.getId().getTags()) {
        assertThat(tag.getValue()).doesNotContain("@").doesNotContain("ada");
      }
    }
  }
}
