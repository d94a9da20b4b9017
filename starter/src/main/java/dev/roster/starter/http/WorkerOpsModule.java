package dev.roster.starter.http;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.metrics.WaitingGaugesModule;
import io.temporal.client.WorkflowClient;
import java.util.Map;

/**
 * The worker role's own small HTTP port ({@code worker.opsPort} on {@code http.bind}): {@code
 * /livez}, {@code /readyz} (Temporal reachable, pollers running) and {@code /metrics}, for probes
 * and scrapers. Needs {@code MetricsModule}, {@code TemporalModule} and the worker's modules.
 */
public final class WorkerOpsModule extends AbstractModule {
  @Override
  protected void configure() {
    install(new OpsRoutes());
    install(new PollersReady());
    install(new WaitingGaugesModule());
  }

  @Provides
  @Singleton
  HttpService ops(RosterConfig config, WorkflowClient client, Map<String, Route> routes) {
    return HttpService.start(config.http(), config.worker().opsPort(), client, routes);
  }
}
