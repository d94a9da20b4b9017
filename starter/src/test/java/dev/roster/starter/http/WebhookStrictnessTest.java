package dev.roster.starter.http;

import static dev.roster.starter.WorkerTestbed.BREVO;
import static dev.roster.starter.WorkerTestbed.MAILERSEND;
import static dev.roster.starter.http.WebhookBed.event;
import static dev.roster.starter.http.WebhookBed.json;
import static dev.roster.starter.http.WebhookBed.signed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.change.AccessChange;
import dev.roster.workflows.change.ChangeAccessRequest;
import dev.roster.workflows.change.ChangeAccessWorkflow;
import io.temporal.client.WorkflowNotFoundException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webhook over real HTTP: the exact path only, JSON only, no control or bidi characters in any
 * field, list ids and roles checked as at every door, and a second, different request for a running
 * ticket refused with 409 and the running id. A refusal starts nothing.
 */
@Timeout(60)
class WebhookStrictnessTest {
  private static final Map<String, String> ADA =
      Map.of("email", "ada@example.com", "vendor_accounts", BREVO, "role", "admin", "lists", "2");

  private WebhookBed web;

  @BeforeEach
  void start() {
    web = new WebhookBed();
  }

  @AfterEach
  void stop() {
    web.close();
  }

  private static byte[] ada(String number) {
    return json(event(number, ADA));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/webhooks/servicenowX",
        "/webhooks/servicenow%00",
        "/webhooks/servicenow?x=1",
        "/webhooks/servicenow?",
        "/webhooks/servicenow/",
        "/webhooks/servicenow/x",
        "/webhooks/servicenow;x=1",
        "/webhooks/servicenow%2F",
        "/webhooks/service%6Eow"
      })
  void onlyTheExactPathIsTheWebhook(String target) throws IOException {
    RawHttp.Response answer = web.post(target, ada("RITM0010001"));

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.headers()).containsEntry("content-type", "application/json");
    assertThat(answer.body()).contains("\"errors\"");
    assertThat(web.starts).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/jsonx",
        "application/json; charset=iso-8859-1",
        "application/json; boundary=x",
        "multipart/form-data",
        "text/json"
      })
  void onlyJsonIsAccepted(String contentType) throws IOException {
    byte[] body = ada("RITM0010001");
    Map<String, String> headers = new LinkedHashMap<>(signed(WebhookBed.NEW_SECRET, body));
    if (contentType.isEmpty()) {
      headers.remove("Content-Type");
    } else {
      headers.put("Content-Type", contentType);
    }

    RawHttp.Response answer =
        RawHttp.send(web.port(), "POST", "/webhooks/servicenow", headers, body);

    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.body()).contains("Content-Type: must be application/json");
    assertThat(web.starts).hasValue(0);
  }

  @Test
  void jsonWithAUtf8CharsetInAnyCaseIsAccepted() throws IOException {
    for (String type :
        List.of("application/json", "Application/JSON;charset=\"UTF-8\"", "application/json")) {
      byte[] body = ada("RITM0010001");
      Map<String, String> headers = new LinkedHashMap<>(signed(WebhookBed.NEW_SECRET, body));
      headers.put("Content-Type", type);
      assertThat(RawHttp.send(web.port(), "POST", "/webhooks/servicenow", headers, body).status())
          .as(type)
          .isEqualTo(202);
    }
  }

  @Test
  void controlAndBidiCharactersAreRefusedInEveryStringField() throws IOException {
    for (String bad : List.of("\u0000", "\u0007", "\u202E", "\u2066", "\n")) {
      for (String field : List.of("number", "requested_by", "email", "first_name", "comments")) {
        Map<String, Object> event = event("RITM0010001", ADA);
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) event.get("variables");
        switch (field) {
          case "number", "requested_by" -> event.put(field, event.get(field) + bad + "x");
          case "comments" -> {
            if (bad.equals("\n")) {
              continue; // a comment is free text: it may break lines
            }
            event.put("approval", Map.of("state", "requested", "comments", "ok" + bad));
          }
          default -> variables.put(field, "Ada" + bad);
        }
        RawHttp.Response answer = web.post("/webhooks/servicenow", json(event));
        assertThat(answer.status()).as(field + " with U+%04X", (int) bad.charAt(0)).isEqualTo(400);
      }
    }
    RawHttp.Response unread =
        web.post(
            "/webhooks/servicenow",
            json(event("RITM0010001", Map.of("justification", "line\u202Ebreak"))));
    assertThat(unread.status()).isEqualTo(400);
    assertThat(unread.body()).contains("variables.justification: contains a bidirectional");
    assertThat(web.starts).hasValue(0);
  }

  @Test
  void rolesAndListIdsAreCheckedAsAtEveryDoor() throws IOException {
    Map<String, String> superuser = new LinkedHashMap<>(ADA);
    superuser.put("role", "superuser");
    Map<String, String> newsletter = new LinkedHashMap<>(ADA);
    newsletter.put("lists", "news");
    Map<String, String> mailersendList =
        Map.of("email", "ada@example.com", "vendor_accounts", MAILERSEND, "lists", "3");

    RawHttp.Response role = web.post("/webhooks/servicenow", json(event("RITM0010011", superuser)));
    RawHttp.Response list =
        web.post("/webhooks/servicenow", json(event("RITM0010012", newsletter)));
    RawHttp.Response none =
        web.post("/webhooks/servicenow", json(event("RITM0010013", mailersendList)));

    assertThat(role.status()).isEqualTo(400);
    assertThat(role.body()).contains("variables.role: must be one of viewer, editor, admin");
    assertThat(list.status()).isEqualTo(400);
    assertThat(list.body()).contains("'news' is not a list id");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.body()).contains("mailersend has no lists");
    assertThat(web.starts).hasValue(0);
  }

  @Test
  void aRedeliveryAttachesAndADifferentRequestForTheTicketIsRefusedWith409() throws IOException {
    RawHttp.Response first = web.post("/webhooks/servicenow", ada("RITM0010001"));
    RawHttp.Response again = web.post("/webhooks/servicenow", ada("RITM0010001"));
    Map<String, String> viewer = new LinkedHashMap<>(ADA);
    viewer.put("role", "viewer");
    RawHttp.Response different =
        web.post("/webhooks/servicenow", json(event("RITM0010001", viewer)));

    assertThat(first.status()).isEqualTo(202);
    assertThat(first.body()).contains("\"workflowId\":\"onboard-RITM0010001\"", "\"started\"");
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.body()).contains("\"started\":\"attached\"");
    assertThat(different.status()).isEqualTo(409);
    assertThat(different.body())
        .contains("\"workflowId\":\"onboard-RITM0010001\"")
        .contains(BREVO + ": role admin running, viewer here");
  }

  @Test
  void aChangeTicketStartsChangeAccessWithItsRoleAndLists() throws IOException {
    Map<String, Object> event =
        event(
            "RITM0010020",
            Map.of(
                "email", "ada@example.com",
                "vendor_accounts", BREVO,
                "role", "viewer",
                "lists", "4",
                "remove_lists", "2"));
    event.put("event", "change");

    RawHttp.Response answer = web.post("/webhooks/servicenow", json(event));

    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    assertThat(answer.body()).contains("\"workflowId\":\"change-RITM0010020\"");
    ChangeAccessRequest started =
        web.bed.client.newWorkflowStub(ChangeAccessWorkflow.class, "change-RITM0010020").request();
    assertThat(started.changes())
        .containsExactly(new AccessChange(BREVO, "viewer", List.of("4"), List.of("2")));
    assertThat(started.ticket()).isEqualTo("RITM0010020");
    assertThat(started.requestedBy()).isEqualTo("abel.tuter");
  }

  @Test
  void bothSecretsVerifyWhileTheSecretRotatesAndNoOtherDoes() throws IOException {
    byte[] body = ada("RITM0010009");
    byte[] other = ada("RITM0010010");
    String stranger = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    assertThat(send(signed(WebhookBed.OLD_SECRET, body), body).status()).isEqualTo(202);
    assertThat(send(signed(WebhookBed.NEW_SECRET, other), other).status()).isEqualTo(202);
    assertThat(send(signed(stranger, body), body).status()).isEqualTo(401);
  }

  @Test
  void everyRefusalLeavesNoWorkflowBehind() throws IOException {
    web.post("/webhooks/servicenowX", ada("RITM0010077"));
    assertThat(web.starts).hasValue(0);
    try {
      web.bed.client.newUntypedWorkflowStub("onboard-RITM0010077").describe();
      throw new AssertionError("a refused delivery started onboard-RITM0010077");
    } catch (WorkflowNotFoundException expected) {
      // Nothing there.
    }
  }

  @Test
  void everyDeliveryIsCountedByItsResultWithoutTicketOrEmail() throws IOException {
    byte[] body = ada("RITM0010021");
    String stranger = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    assertThat(send(signed(WebhookBed.NEW_SECRET, body), body).status()).isEqualTo(202);
    assertThat(send(signed(stranger, body), body).status()).isEqualTo(401);
    RawHttp.Response metrics =
        RawHttp.send(web.port(), "GET", OpsRoutes.METRICS, Map.of(), new byte[0]);

    assertThat(metrics.status()).isEqualTo(200);
    // Results counted by earlier tests of this JVM show as 0 in this bed's fresh registry.
    List<String> deliveries =
        metrics
            .body()
            .lines()
            .filter(l -> l.startsWith("roster_webhook_deliveries_total") && !l.endsWith(" 0.0"))
            .toList();
    assertThat(deliveries)
        .containsExactlyInAnyOrder(
            "roster_webhook_deliveries_total{result=\"accepted\"} 1.0",
            "roster_webhook_deliveries_total{result=\"unauthenticated\"} 1.0");
    assertThat(metrics.body()).doesNotContain("RITM0010021").doesNotContain("ada@example.com");
  }

  private RawHttp.Response send(Map<String, String> headers, byte[] body) throws IOException {
    return RawHttp.send(web.port(), "POST", "/webhooks/servicenow", headers, body);
  }
}
