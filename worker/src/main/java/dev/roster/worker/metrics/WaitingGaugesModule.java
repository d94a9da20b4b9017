package dev.roster.worker.metrics;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.roster.worker.config.RosterConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.client.WorkflowClient;
import java.util.List;

/**
 * The {@link WaitingGauges} of a process that runs the worker and serves {@code /metrics} ({@code
 * worker}, {@code dev}, {@code demo}), read before each scrape. Needs {@code MetricsModule}.
 */
public final class WaitingGaugesModule extends AbstractModule {
  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), BeforeScrape.class);
  }

  @ProvidesIntoSet
  @Singleton
  BeforeScrape waiting(
      WorkflowClient client, RosterConfig config, PrometheusMeterRegistry registry) {
    return new WaitingGauges(client, List.copyOf(config.accounts().keySet()), registry);
  }
}
