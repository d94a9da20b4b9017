package dev.roster.starter.http;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoMap;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.google.inject.multibindings.StringMapKey;
import dev.roster.worker.metrics.BeforeScrape;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.client.WorkflowClient;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators and orchestrators ask every Roster process with a port: {@code GET /livez} (the
 * process answers), {@code GET /readyz} (every {@link ReadinessCheck} holds: 200, else 503 naming
 * the failing ones) and {@code GET /metrics} (the Prometheus registry of {@code MetricsModule} as
 * text, after every {@code BeforeScrape} ran). Contributes to the {@code MapBinder} of context path
 * to route that {@link HttpService} serves; needs {@code MetricsModule} and a {@link
 * WorkflowClient}.
 */
public final class OpsRoutes extends AbstractModule {
  private static final Logger log = LoggerFactory.getLogger(OpsRoutes.class);

  public static final String LIVEZ = "/livez";
  public static final String READYZ = "/readyz";
  public static final String METRICS = "/metrics";

  @Override
  protected void configure() {
    MapBinder.newMapBinder(binder(), String.class, Route.class);
    Multibinder.newSetBinder(binder(), ReadinessCheck.class);
    Multibinder.newSetBinder(binder(), BeforeScrape.class);
  }

  @ProvidesIntoSet
  ReadinessCheck temporal(WorkflowClient client) {
    return ReadinessCheck.of("temporal", () -> serving(client));
  }

  /** Whether Temporal answers its health check as serving; false when it does not answer. */
  static boolean serving(WorkflowClient client) {
    try {
      return client.getWorkflowServiceStubs().healthCheck().getStatus().name().equals("SERVING");
    } catch (RuntimeException e) {
      return false;
    }
  }

  @ProvidesIntoMap
  @StringMapKey(LIVEZ)
  @Singleton
  Route livez() {
    return exchange -> {
      if (get(exchange, LIVEZ)) {
        JsonReplies.reply(exchange, 200, "{\"status\":\"live\"}");
      }
    };
  }

  @ProvidesIntoMap
  @StringMapKey(READYZ)
  @Singleton
  Route readyz(Set<ReadinessCheck> checks) {
    return exchange -> {
      if (!get(exchange, READYZ)) {
        return;
      }
      StringJoiner failing = new StringJoiner("\",\"", "[\"", "\"]");
      int failed = 0;
      for (ReadinessCheck check : checks) {
        if (!check.ready()) {
          failing.add(check.name());
          failed++;
        }
      }
      JsonReplies.reply(
          exchange,
          failed == 0 ? 200 : 503,
          failed == 0
              ? "{\"status\":\"ready\"}"
              : "{\"status\":\"not ready\",\"failing\":" + failing + "}");
    };
  }

  @ProvidesIntoMap
  @StringMapKey(METRICS)
  @Singleton
  Route metrics(PrometheusMeterRegistry registry, Set<BeforeScrape> before) {
    return exchange -> {
      if (get(exchange, METRICS)) {
        for (BeforeScrape b : before) {
          try {
            b.beforeScrape();
          } catch (RuntimeException e) {
            log.warn("metrics: reading before the scrape failed ({})", e.getClass().getName());
          }
        }
        exchange.send(
            200,
            "text/plain; version=0.0.4; charset=utf-8",
            registry.scrape().getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  /** Whether it is a GET of exactly {@code path}; answers 405 or 404 otherwise. */
  private static boolean get(Exchange exchange, String path) {
    if (!path.equals(exchange.rawPath())) {
      JsonReplies.reply(exchange, 404, "{\"errors\":[\"no such endpoint\"]}");
      return false;
    }
    if (!"GET".equals(exchange.method())) {
      exchange.setHeader("Allow", "GET");
      JsonReplies.reply(exchange, 405, "{\"errors\":[\"use GET\"]}");
      return false;
    }
    return true;
  }
}
