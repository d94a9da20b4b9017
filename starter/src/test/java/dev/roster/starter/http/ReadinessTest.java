package dev.roster.starter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import dev.roster.activities.control.SubjectHasher;
import dev.roster.starter.local.SubjectKeyModule;
import dev.roster.worker.Assembly;
import dev.roster.worker.ConfigModule;
import dev.roster.worker.ImportSetup;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.WorkerModule;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.metrics.MetricsModule;
import dev.roster.worker.temporal.TemporalModule;
import dev.roster.worker.testbed.TestPayloadKeys;
import dev.roster.worker.vendor.Vendors;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Both roles while Temporal is down: {@code /livez} answers, {@code /readyz} says 503 and names
 * what fails ({@code serve}: Temporal; {@code worker}: Temporal and its pollers, not started).
 */
class ReadinessTest {
  private static final SubjectHasher SUBJECTS =
      new SubjectHasher("readiness-test-subject-key-32byt".getBytes(StandardCharsets.UTF_8));
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @Timeout(60)
  void serveIsLiveButNotReadyWithoutTemporal() throws Exception {
    RosterConfig config = config();
    List<Module> modules = common(config);
    modules.add(new HttpModule(config, 0, Optional.empty()));
    Injector injector = Assembly.of(modules);
    try (HttpService service = Assembly.instance(injector, HttpService.class)) {
      assertThat(get(service, OpsRoutes.LIVEZ).statusCode()).isEqualTo(200);
      HttpResponse<String> ready = get(service, OpsRoutes.READYZ);
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("\"failing\":[\"temporal\"]");
      assertThat(get(service, OpsRoutes.METRICS).statusCode()).isEqualTo(200);
    } finally {
      HttpModule.callers(injector).close();
      Metrics.removeRegistry(Assembly.instance(injector, PrometheusMeterRegistry.class));
    }
  }

  @Test
  @Timeout(60)
  void theWorkersOwnPortSaysWhichChecksFail() throws Exception {
    RosterConfig config = config();
    List<Module> modules = common(config);
    modules.add(new WorkerModule());
    modules.addAll(Vendors.modules());
    modules.add(
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(new TypeLiteral<List<VendorAccount>>() {}).toInstance(List.of());
            bind(ImportSetup.class).toInstance(ImportSetup.disabled());
          }
        });
    modules.add(new WorkerOpsModule());
    Injector injector = Assembly.of(modules);
    try (HttpService ops = Assembly.instance(injector, HttpService.class)) {
      assertThat(get(ops, OpsRoutes.LIVEZ).statusCode()).isEqualTo(200);
      HttpResponse<String> ready = get(ops, OpsRoutes.READYZ);
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("temporal").contains("pollers");
      assertThat(get(ops, "/livez/extra").statusCode()).isEqualTo(404);
      // What waits cannot be read: the scrape still answers, and says so with NaN.
      HttpResponse<String> metrics = get(ops, OpsRoutes.METRICS);
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("roster_approvals_waiting{kind=\"onboard\"} NaN");
    } finally {
      Metrics.removeRegistry(Assembly.instance(injector, PrometheusMeterRegistry.class));
    }
  }

  /** Temporal on a port nobody listens on; the worker's ops port anywhere free. */
  private static RosterConfig config() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    return ConfigLoader.parse(
        "temporal: {address: \"127.0.0.1:" + closed + "\"}\nworker: {opsPort: 0}\n",
        "readiness-test",
        Map.of());
  }

  private static List<Module> common(RosterConfig config) {
    List<Module> modules = new ArrayList<>();
    modules.add(new ConfigModule(config, Map.of()));
    modules.add(new MetricsModule());
    modules.add(new TemporalModule(config.temporal(), Map.of(), TestPayloadKeys.K1));
    modules.add(SubjectKeyModule.of(SUBJECTS));
    return modules;
  }

  private HttpResponse<String> get(HttpService service, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
