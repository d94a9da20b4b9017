package dev.roster.worker.metrics;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.MetricsTag;
import java.util.Set;

/**
 * Metrics for the roles that export them ({@code worker}, {@code serve}, {@code dev}, {@code
 * demo}): one Prometheus registry, joined to Micrometer's global registry (where Roster's own
 * {@code roster_…} series are recorded) and fed by the Temporal SDK through the metrics scope that
 * {@code TemporalModule}'s connection takes ({@code temporal_…}: requests, polls, workflow and
 * activity task latencies, of clients and workers). Served as text at {@code GET /metrics}.
 */
public final class MetricsModule extends AbstractModule {
  /** How often the SDK's scope hands its counts to the registry. */
  static final com.uber.m3.util.Duration REPORT_EVERY = com.uber.m3.util.Duration.ofSeconds(1);

  private static final String TEMPORAL = "temporal-metrics";

  /** How the names of Roster's series from workflow code begin. */
  static final String WORKFLOW_SERIES = "roster_";

  /** The labels the SDK's scopes add (its defaults, "none" until set, and the worker's). */
  static final Set<String> SDK_LABELS =
      Set.of(
          MetricsTag.NAMESPACE,
          MetricsTag.TASK_QUEUE,
          MetricsTag.WORKER_TYPE,
          MetricsTag.ACTIVITY_TYPE,
          MetricsTag.WORKFLOW_TYPE,
          MetricsTag.NEXUS_SERVICE,
          MetricsTag.NEXUS_OPERATION,
          MetricsTag.SIGNAL_NAME,
          MetricsTag.QUERY_TYPE,
          MetricsTag.UPDATE_NAME,
          MetricsTag.STATUS_CODE,
          MetricsTag.EXCEPTION,
          MetricsTag.OPERATION_NAME,
          MetricsTag.TASK_FAILURE_TYPE,
          MetricsTag.POLLER_TYPE);

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), Scope.class)
        .setBinding()
        .to(Key.get(Scope.class, Names.named(TEMPORAL)));
  }

  @Provides
  @Singleton
  PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(ownLabelsOnly());
    Metrics.addRegistry(registry);
    return registry;
  }

  /**
   * Roster's series counted in workflow code go through the SDK's replay-safe workflow metrics
   * scope, named {@code roster_…} (underscores; the series Roster records in Micrometer itself are
   * named with dots). That scope tags everything with the SDK's labels (namespace, task queue,
   * workflow type, and "none" for its other keys); these series keep only their own labels.
   */
  static MeterFilter ownLabelsOnly() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith(WORKFLOW_SERIES)) {
          return id;
        }
        return id.replaceTags(
            id.getTags().stream().filter(t -> !SDK_LABELS.contains(t.getKey())).toList());
      }
    };
  }

  @Provides
  @Singleton
  @Named(TEMPORAL)
  Scope temporal(PrometheusMeterRegistry registry) {
    return new RootScopeBuilder()
        .reporter(new MicrometerClientStatsReporter(registry))
        .reportEvery(REPORT_EVERY);
  }
}
