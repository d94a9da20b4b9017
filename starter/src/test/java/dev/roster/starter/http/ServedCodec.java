package dev.roster.starter.http;

import com.google.inject.Injector;
import dev.roster.worker.Assembly;
import dev.roster.worker.ConfigModule;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.metrics.MetricsModule;
import dev.roster.worker.temporal.TemporalModule;
import dev.roster.workflows.codec.PayloadKeyRing;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP service as {@code roster serve} wires it (ConfigModule, TemporalModule with {@code
 * ring}, HttpModule) for a configuration with {@code http.codec}: the codec server on a free port.
 */
public final class ServedCodec implements AutoCloseable {
  private final Injector injector;
  private final HttpService http;

  private ServedCodec(Injector injector) {
    this.injector = injector;
    this.http = Assembly.instance(injector, HttpService.class);
  }

  /** Serves the configuration {@code yaml} (which sets {@code http.codec}) with {@code env}. */
  public static ServedCodec start(String yaml, Map<String, String> env, PayloadKeyRing ring) {
    RosterConfig config = ConfigLoader.parse(yaml, "serve.yaml", Map.of());
    return new ServedCodec(
        Assembly.of(
            List.of(
                new ConfigModule(config, env),
                new MetricsModule(),
                new TemporalModule(config.temporal(), env, ring),
                new HttpModule(config, 0, Optional.empty()))));
  }

  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    http.close();
    HttpModule.callers(injector).close();
  }
}
