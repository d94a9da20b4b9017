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
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;

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
    Metrics.addRegistry(registry);
    return registry;
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
