package dev.roster.starter.http;

import static dev.roster.starter.WorkerTestbed.BREVO;
import static dev.roster.starter.http.WebhookBed.event;
import static dev.roster.starter.http.WebhookBed.json;
import static dev.roster.starter.http.WebhookBed.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import dev.roster.sandbox.servicenow.HmacWebhookSigner;
import dev.roster.starter.WorkerTestbed;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.TemporalConnection;
import dev.roster.worker.temporal.TemporalModule;
import dev.roster.worker.testbed.TestPayloadKeys;
import io.temporal.common.converter.DataConverter;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many malformed deliveries, each answered with a 4xx and a JSON reason, none of which starts a
 * workflow; and a webhook whose Temporal is down answers 503 with a reason instead of dropping the
 * connection.
 */
class WebhookFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Integer> REFUSALS = Set.of(400, 401, 404, 405, 413, 415);
  private static final Map<String, String> ADA =
      Map.of("email", "ada@example.com", "vendor_accounts", BREVO, "role", "viewer");

  @Test
  @Timeout(180)
  void hundredsOfMalformedDeliveriesAreRefusedAndStartNothing() throws IOException {
    Random random = new Random(20261203);
    try (WebhookBed web = new WebhookBed()) {
      for (int i = 0; i < 300; i++) {
        Malformed request = malformed(random, i);
        RawHttp.Response answer;
        try {
          answer =
              RawHttp.send(
                  web.port(), request.method, request.target, request.headers, request.body);
        } catch (IOException e) {
          throw new AssertionError(request.what + ": no answer", e);
        }

        assertThat(answer.status()).as(request.what).isIn(REFUSALS);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("errors").isArray()).as(request.what).isTrue();
        assertThat(body.get("errors")).as(request.what).isNotEmpty();
      }
      assertThat(web.starts).hasValue(0);
    }
  }

  @Test
  @Timeout(60)
  void aWebhookWhoseTemporalIsDownAnswers503WithAReason() throws IOException {
    int dead;
    try (ServerSocket free = new ServerSocket(0)) {
      dead = free.getLocalPort();
    }
    RosterConfig config =
        ConfigLoader.parse(
            String.join(
                "\n",
                "temporal: {address: \"127.0.0.1:" + dead + "\"}",
                "accounts: {" + BREVO + ": {type: brevo}}",
                "servicenow:",
                "  instanceUrl: https://acme.service-now.com",
                "  user: roster.integration",
                "  password: {env: SN_PASSWORD}",
                "  webhookSecret: {env: WEBHOOK_NEW}",
                ""),
            "down",
            Map.of());
    Map<String, String> env = Map.of("WEBHOOK_NEW", WebhookBed.NEW_SECRET);
    try (TemporalConnection down =
            TemporalConnection.openForCallers(
                config.temporal(),
                env,
                Duration.ofSeconds(2),
                Guice.createInjector(new TemporalModule(config.temporal(), env, TestPayloadKeys.K1))
                    .getInstance(DataConverter.class),
                Optional.empty());
        HttpService http =
            HttpService.start(
                "127.0.0.1",
                0,
                down.client(),
                Map.of(
                    ServiceNowWebhook.PATH,
                    WebhookSetup.fromConfig(
                        config, env, down.client(), WorkerTestbed.SUBJECTS, Optional.empty())))) {
      byte[] body = json(event("RITM0010001", ADA));
      long started = System.nanoTime();
      RawHttp.Response answer =
          RawHttp.send(
              http.port(),
              "POST",
              "/webhooks/servicenow",
              signed(WebhookBed.NEW_SECRET, body),
              body);

      assertThat(answer.status()).isEqualTo(503);
      assertThat(answer.headers()).containsEntry("retry-after", "30");
      assertThat(JSON.readTree(answer.body()).get("errors").get(0).asText())
          .startsWith("temporal: cannot reach Temporal (UNAVAILABLE)")
          .contains("nothing was started or signalled");
      // Answered before a ServiceNow business rule (10 s) gives up on the call.
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
  }

  /** One delivery that must be refused. */
  private record Malformed(
      String what, String method, String target, Map<String, String> headers, byte[] body) {}

  private static Malformed malformed(Random random, int i) {
    Map<String, Object> event = event("RITM" + (1000000 + i), ADA);
    byte[] good = json(event);
    Map<String, String> headers = new LinkedHashMap<>(signed(WebhookBed.NEW_SECRET, good));
    String target = "/webhooks/servicenow";
    String method = "POST";
    byte[] body = good;
    String what;
    switch (random.nextInt(12)) {
      case 0 -> {
        target = pick(random, PATHS);
        what = "path " + target;
      }
      case 1 -> {
        method = pick(random, List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS"));
        what = "method " + method;
      }
      case 2 -> {
        headers.put("Content-Type", pick(random, CONTENT_TYPES));
        what = "content type " + headers.get("Content-Type");
      }
      case 3 -> {
        headers.remove(pick(random, List.of("X-Roster-Signature", "X-Roster-Timestamp")));
        what = "missing authentication header";
      }
      case 4 -> {
        Instant when = Instant.now().plusSeconds(random.nextBoolean() ? -3600 : 3600);
        headers.putAll(new HmacWebhookSigner(WebhookBed.NEW_SECRET).headers(good, when));
        what = "stale or future timestamp";
      }
      case 5 -> {
        body = json(event("RITM0999999", ADA)); // signed for another body
        what = "signature of another body";
      }
      case 6 -> {
        body = new byte[1 + random.nextInt(2000)];
        random.nextBytes(body);
        what = "random bytes";
      }
      case 7 -> {
        body =
            new String(good, StandardCharsets.UTF_8)
                .substring(0, 1 + random.nextInt(good.length - 2))
                .getBytes(StandardCharsets.UTF_8);
        what = "truncated JSON";
      }
      case 8 -> {
        event.put(pick(random, List.of("event", "sys_id", "number", "table")), "x\u0000" + i);
        body = json(event);
        what = "bad or control-character field";
      }
      case 9 -> {
        event.put(pick(random, List.of("extra", "Event", "variables2")), "x");
        body = json(event);
        what = "unknown field";
      }
      case 10 -> {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) event.get("variables");
        String[] change =
            pick(
                random,
                List.of(
                    new String[] {"role", "root"},
                    new String[] {"lists", "abc"},
                    new String[] {"vendor_accounts", "nowhere-main"},
                    new String[] {"email", "not-an-email"},
                    new String[] {"first_name", "Ada\u202Eevil"},
                    new String[] {"erase_data", "maybe"}));
        variables.put(change[0], change[1]);
        body = json(event);
        what = "bad variable " + change[0];
      }
      default -> {
        body =
            ("{\"event\":\"onboard\",\"pad\":\"" + "x".repeat(70_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        what = "body over the limit";
      }
    }
    if (body != good && !what.startsWith("signature") && !what.startsWith("stale")) {
      // Signed properly, so the refusal is about what is sent, not who sent it.
      Map<String, String> resigned = new LinkedHashMap<>(signed(WebhookBed.NEW_SECRET, body));
      resigned.put("Content-Type", headers.get("Content-Type"));
      headers = resigned;
    }
    return new Malformed(i + ": " + what, method, target, headers, body);
  }

  private static final List<String> PATHS =
      List.of(
          "/webhooks/servicenowX",
          "/webhooks/servicenow%00",
          "/webhooks/servicenow?x=1",
          "/webhooks/servicenow/",
          "/webhooks/servicenow/../servicenow",
          "/webhooks/ServiceNow",
          "/webhooks",
          "/");

  private static final List<String> CONTENT_TYPES =
      List.of(
          "text/plain",
          "application/xml",
          "application/json; charset=latin1",
          "application/json-patch+json",
          "*/*",
          "application/x-www-form-urlencoded");

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
