package dev.roster.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.roster.sandbox.Json;
import dev.roster.sandbox.MutableClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake plays the business rule: event bodies and their authentication headers. */
class FakeServiceNowWebhookTest {
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  private record Received(Map<String, String> headers, byte[] body) {}

  private final MutableClock clock = new MutableClock();
  private final FakeServiceNow sn =
      FakeServiceNow.start(FakeServiceNow.Options.builder().clock(clock).build());
  private final AtomicReference<Received> received = new AtomicReference<>();
  private HttpServer receiver;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/webhooks/servicenow",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.set(
              new Received(
                  Map.of(
                      "ts",
                          String.valueOf(
                              exchange.getRequestHeaders().getFirst("X-Roster-Timestamp")),
                      "sig",
                          String.valueOf(
                              exchange.getRequestHeaders().getFirst("X-Roster-Signature")),
                      "auth",
                          String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))),
                  body));
          byte[] reply =
              "{\"workflowId\":\"onboard-RITM0010001\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(202, reply.length);
          exchange.getResponseBody().write(reply);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    sn.close();
  }

  private URI target() {
    return URI.create(
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/servicenow");
  }

  @Test
  void onboardEventCarriesVariablesRequesterAndHmacOverTimestampDotBody() throws Exception {
    String ritm = sn.createRitm("RITM0010001", Map.of("email", "zoë@example.com"), "abel.tuter");

    var delivery =
        sn.fireWebhook(target(), "onboard", "sc_req_item", ritm, WebhookSigner.hmac(KEY));

    Received got = received.get();
    JsonNode event = Json.read(got.body());
    String expected =
        hmac(got.headers().get("ts") + "." + new String(got.body(), StandardCharsets.UTF_8));
    assertThat(delivery.status()).isEqualTo(202);
    assertThat(got.headers().get("ts")).isEqualTo(Long.toString(clock.get().getEpochSecond()));
    assertThat(got.headers().get("sig")).isEqualTo("v1=" + expected);
    assertThat(new String(got.body(), StandardCharsets.US_ASCII)).contains("zo\\u00EB");
    assertThat(event.path("event").asText()).isEqualTo("onboard");
    assertThat(event.path("sys_id").asText()).isEqualTo(ritm);
    assertThat(event.path("number").asText()).isEqualTo("RITM0010001");
    assertThat(event.path("variables").path("email").asText()).isEqualTo("zoë@example.com");
    assertThat(event.path("requested_by").asText()).isEqualTo("abel.tuter");
    assertThat(event.path("approval").path("state").asText()).isEqualTo("requested");
  }

  @Test
  void approvalEventDescribesTheDecidedApproverRow() throws Exception {
    String ritm = sn.createRitm("RITM0010002", Map.of(), "abel.tuter");
    String approval = sn.approve(ritm, "beth.anglin");

    sn.fireWebhook(target(), "approval", "sc_req_item", ritm, WebhookSigner.basic("sn", "pw"));

    JsonNode event = Json.read(received.get().body());
    assertThat(received.get().headers().get("auth")).startsWith("Basic ");
    assertThat(event.path("approval").path("sys_id").asText()).isEqualTo(approval);
    assertThat(event.path("approval").path("state").asText()).isEqualTo("approved");
    assertThat(event.path("approval").path("approver").asText()).isEqualTo("beth.anglin");
    assertThat(sn.record("sc_req_item", ritm).orElseThrow()).containsEntry("approval", "approved");
  }

  private static String hmac(String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(KEY), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }
}
