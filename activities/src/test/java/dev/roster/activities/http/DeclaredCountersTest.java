package dev.roster.activities.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A budget's throttled and deferred counters and its wait timer are reported from its creation. */
class DeclaredCountersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void register() {
    Metrics.addRegistry(registry);
  }

  @AfterEach
  void unregister() {
    Metrics.removeRegistry(registry);
  }

  @Test
  void aNewBudgetReportsZeroThrottledDeferredAndWaits() {
    RateBudget.of(
        "brevo", "declared-test/contacts", RateBudget.Limit.vendorLimit(10, Duration.ofSeconds(1)));
    for (String name :
        new String[] {VendorCallMetrics.THROTTLED, VendorCallMetrics.BUDGET_DEFERRED}) {
      Counter counter =
          registry.find(name).tags("account", "declared-test", "family", "contacts").counter();
      assertThat(counter).as(name).isNotNull();
      assertThat(counter.count()).as(name).isZero();
    }
    Timer waits =
        registry
            .find(VendorCallMetrics.BUDGET_WAITS)
            .tags("account", "declared-test", "family", "contacts")
            .timer();
    assertThat(waits).isNotNull();
    assertThat(waits.count()).isZero();
  }
}
