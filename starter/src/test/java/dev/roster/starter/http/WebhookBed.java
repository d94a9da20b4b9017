package dev.roster.starter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.sandbox.servicenow.HmacWebhookSigner;
import dev.roster.starter.WorkerTestbed;
import dev.roster.worker.config.HttpConfig;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The webhook as {@code roster serve} runs it (configuration, HMAC with two secrets, the HTTP
 * service with {@code /livez} and {@code /metrics}), on a {@link WorkerTestbed}, with a client that
 * counts every start and signal it sends.
 */
final class WebhookBed implements AutoCloseable {
  static final String NEW_SECRET = base64Key(1);
  static final String OLD_SECRET = base64Key(2);
  static final String SYS_ID = "0123456789abcdef0123456789abcdef";
  private static final ObjectMapper JSON = new ObjectMapper();

  final WorkerTestbed bed;
  final AtomicInteger starts = new AtomicInteger();
  final AtomicInteger signals = new AtomicInteger();
  final HttpService http;

  /** Joined to the global registry while the bed runs: counts only what happens in this bed. */
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  WebhookBed() {
    this(new HttpConfig("127.0.0.1", 0));
  }

  /** With the HTTP service's limits from {@code http} (its port is not used: a free one is). */
  WebhookBed(HttpConfig http) {
    bed =
        new WorkerTestbed(
            String.join(
                "\n",
                "servicenow:",
                "  instanceUrl: https://acme.service-now.com",
                "  user: roster.integration",
                "  password: {env: SN_PASSWORD}",
                "  webhookSecret: [{env: WEBHOOK_NEW}, {env: WEBHOOK_OLD}]"));
    WorkflowClient counting =
        WorkflowClient.newInstance(
            bed.env.getWorkflowServiceStubs(),
            WorkflowClientOptions.newBuilder()
                .setNamespace(bed.env.getNamespace())
                .setDataConverter(bed.env.getWorkflowClient().getOptions().getDataConverter())
                .setInterceptors(new Counting())
                .build());
    Map<String, String> env = Map.of("WEBHOOK_NEW", NEW_SECRET, "WEBHOOK_OLD", OLD_SECRET);
    Metrics.addRegistry(registry);
    OpsRoutes ops = new OpsRoutes();
    this.http =
        HttpService.start(
            http,
            0,
            counting,
            Map.of(
                ServiceNowWebhook.PATH,
                WebhookSetup.fromConfig(
                    bed.config, env, counting, WorkerTestbed.SUBJECTS, Optional.empty()),
                OpsRoutes.LIVEZ,
                ops.livez(),
                OpsRoutes.METRICS,
                ops.metrics(registry, Set.of())));
  }

  int port() {
    return http.port();
  }

  /** An onboard event for ticket {@code number}, with these catalog variables. */
  static Map<String, Object> event(String number, Map<String, String> variables) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("event", "onboard");
    event.put("table", "sc_req_item");
    event.put("sys_id", SYS_ID);
    event.put("number", number);
    event.put("sys_updated_on", "2026-01-05 09:00:00");
    event.put("variables", new LinkedHashMap<>(variables));
    event.put("requested_by", "abel.tuter");
    event.put("approval", new LinkedHashMap<>(Map.of("state", "requested")));
    return event;
  }

  static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The headers a correctly configured business rule sends with {@code body}. */
  static Map<String, String> signed(String secret, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json; charset=utf-8");
    headers.putAll(new HmacWebhookSigner(secret).headers(body, Instant.now()));
    return headers;
  }

  /** Sends {@code body} signed with the current secret to {@code target}. */
  RawHttp.Response post(String target, byte[] body) throws IOException {
    return RawHttp.send(port(), "POST", target, signed(NEW_SECRET, body), body);
  }

  private static String base64Key(int seed) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (seed * 31 + i);
    }
    return Base64.getEncoder().encodeToString(key);
  }

  static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      http.close();
    } finally {
      Metrics.removeRegistry(registry);
      bed.close();
    }
  }

  /** Counts what the webhook asks of Temporal. */
  private final class Counting extends WorkflowClientInterceptorBase {
    @Override
    public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(
        WorkflowClientCallsInterceptor next) {
      return new WorkflowClientCallsInterceptorBase(next) {
        @Override
        public WorkflowStartOutput start(WorkflowStartInput input) {
          starts.incrementAndGet();
          return super.start(input);
        }

        @Override
        public WorkflowSignalOutput signal(WorkflowSignalInput input) {
          signals.incrementAndGet();
          return super.signal(input);
        }

        @Override
        public WorkflowSignalWithStartOutput signalWithStart(WorkflowSignalWithStartInput input) {
          starts.incrementAndGet();
          return super.signalWithStart(input);
        }
      };
    }
  }
}
