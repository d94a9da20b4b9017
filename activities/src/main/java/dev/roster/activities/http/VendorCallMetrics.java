package dev.roster.activities.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Roster's own series for vendor calls, in Micrometer's global registry (the worker adds its
 * Prometheus registry there): every metered call by account, endpoint family, operation and outcome
 * with its latency; 429s; waits for a rate-budget permit, and permits too far away to wait for.
 * Labels carry account ids, family and operation names only: never an email, ticket or subject.
 */
public final class VendorCallMetrics {
  /** {@code roster_vendor_requests_seconds_*}: calls with their latency. */
  public static final String REQUESTS = "roster.vendor.requests";

  /** {@code roster_vendor_throttled_total}: answers with HTTP 429. */
  public static final String THROTTLED = "roster.vendor.throttled";

  /** {@code roster_rate_budget_wait_seconds_*}: in-thread waits for a permit. */
  public static final String BUDGET_WAITS = "roster.rate.budget.wait";

  /** {@code roster_rate_budget_deferred_total}: permits too far away, left to a Temporal retry. */
  public static final String BUDGET_DEFERRED = "roster.rate.budget.deferred";

  private static final MeterRegistry REGISTRY = Metrics.globalRegistry;

  /** Histogram buckets: a loopback call to a few ms, a slow vendor to the 30 s call timeout. */
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30)
  };

  /** The outcome label of an HTTP status: 2xx, 3xx, 4xx, 429 or 5xx. */
  static String outcome(int status) {
    return status == 429 ? "429" : (status / 100) + "xx";
  }

  static void call(RateBudget.Permit permit, String outcome, long nanos) {
    Timer.builder(REQUESTS)
        .description("Vendor API calls by account, endpoint family, operation and outcome")
        .tags(labels(permit))
        .tag("operation", permit.operation())
        .tag("outcome", outcome)
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(REGISTRY)
        .record(Duration.ofNanos(nanos));
    if ("429".equals(outcome)) {
      throttled(permit.budget().name()).increment();
    }
  }

  /**
   * Registers a budget's counters and its wait timer at zero, so that they are in every scrape from
   * the start: a counter that first appears at 1 has no increase Prometheus can see, and dashboards
   * and alerts can tell "none" from "not reported".
   */
  static void declare(String budgetName) {
    throttled(budgetName);
    deferred(budgetName);
    budgetWaits(budgetName);
  }

  static void budgetWait(RateBudget.Permit permit, long nanos) {
    budgetWaits(permit.budget().name()).record(Duration.ofNanos(nanos));
  }

  private static Timer budgetWaits(String budgetName) {
    return Timer.builder(BUDGET_WAITS)
        .description("Waits for a rate-budget permit before a vendor call")
        .tags(labels(budgetName))
        .register(REGISTRY);
  }

  static void deferred(RateBudget.Permit permit) {
    deferred(permit.budget().name()).increment();
  }

  private static Counter throttled(String budgetName) {
    return Counter.builder(THROTTLED)
        .description("Vendor answers with HTTP 429, by account and endpoint family")
        .tags(labels(budgetName))
        .register(REGISTRY);
  }

  private static Counter deferred(String budgetName) {
    return Counter.builder(BUDGET_DEFERRED)
        .description("Vendor calls put off to a Temporal retry: the next permit was too far away")
        .tags(labels(budgetName))
        .register(REGISTRY);
  }

  private static String[] labels(RateBudget.Permit permit) {
    return labels(permit.budget().name());
  }

  /** {@code account} and {@code family} from the budget's name, {@code <account>/<family>}. */
  private static String[] labels(String name) {
    int slash = name.indexOf('/');
    String account = slash < 0 ? name : name.substring(0, slash);
    String family = slash < 0 ? "" : name.substring(slash + 1);
    return new String[] {"account", account, "family", family};
  }

  private VendorCallMetrics() {}
}
