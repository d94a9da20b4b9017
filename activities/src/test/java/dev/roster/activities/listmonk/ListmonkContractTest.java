package dev.roster.activities.listmonk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.activities.http.VendorJson;
import dev.roster.activities.listmonk.ListmonkTypes.ImportParams;
import dev.roster.sandbox.FakeRequest;
import dev.roster.workflows.contacts.ContactData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Drives every connector capability, then checks each request the fake recorded against vendors.md
 * §3: method and path, {@code Authorization: token user:token}, content type, and the body fields
 * listmonk requires.
 */
class ListmonkContractTest {
  private static final Set<String> ROUTES =
      Set.of(
          "GET /api/users",
          "POST /api/users",
          "PUT /api/users/{id}",
          "GET /api/users/{id}",
          "DELETE /api/users/{id}",
          "GET /api/roles/users",
          "GET /api/subscribers",
          "GET /api/subscribers/{id}",
          "POST /api/subscribers",
          "PUT /api/subscribers/{id}",
          "DELETE /api/subscribers/{id}",
          "PUT /api/subscribers/{id}/blocklist",
          "PUT /api/subscribers/lists",
          "GET /api/lists",
          "POST /api/import/subscribers",
          "GET /api/import/subscribers",
          "GET /api/import/subscribers/logs");

  private final ListmonkFixture listmonk = ListmonkFixture.start();

  @AfterEach
  void stop() {
    listmonk.close();
  }

  @Test
  void everyRequestMatchesTheDocumentedShape() throws Exception {
    var team = listmonk.team;
    var c = listmonk.contacts;
    team.invite("ada+ops@example.com", "editor");
    team.invite("ada+ops@example.com", "editor");
    team.changeRole("ada+ops@example.com", "viewer");
    team.listMembers();
    team.cancel("ada+ops@example.com");
    team.remove("ada+ops@example.com");
    c.upsert(new ContactData("o'brien@example.com", "Pat", "O'Brien", Map.of("team", "x")));
    c.upsert(new ContactData("o'brien@example.com", "Pat", null, Map.of("team", "y")));
    c.subscribe("o'brien@example.com", List.of("3"));
    c.findContact("o'brien@example.com");
    c.unsubscribe("o'brien@example.com", List.of("3"));
    c.unsubscribeAll("o'brien@example.com");
    c.suppress("o'brien@example.com");
    c.erase("o'brien@example.com");
    byte[] csv = "email,name,attributes\nada@example.com,Ada,{}\n".getBytes(StandardCharsets.UTF_8);
    listmonk.imports.start(ImportParams.subscribe(List.of(3L)), "people.csv", csv);
    listmonk.client.imports().status();
    listmonk.client.imports().logs();

    List<FakeRequest> requests = listmonk.fake.requests();
    assertThat(requests).hasSizeGreaterThan(15);
    SoftAssertions soft = new SoftAssertions();
    for (FakeRequest r : requests) {
      String route = r.method() + " " + r.template();
      soft.assertThat(ROUTES).as("documented route").contains(route);
      soft.assertThat(r.header("Authorization"))
          .as(route)
          .isEqualTo("token roster:sandbox-listmonk-token");
      check(soft, route, r);
    }
    soft.assertAll();
  }

  private static void check(SoftAssertions soft, String route, FakeRequest r) throws Exception {
    String type = r.header("Content-Type");
    switch (route) {
      case "POST /api/users", "PUT /api/users/{id}" -> {
        JsonNode b = json(soft, route, r);
        soft.assertThat(b.path("username").asText()).as(route).matches("[a-zA-Z0-9_\\-.@]{3,}");
        soft.assertThat(b.path("email").asText()).as(route).contains("@");
        soft.assertThat(b.path("type").asText()).as(route).isIn("user", "api");
        soft.assertThat(b.path("status").asText()).as(route).isIn("enabled", "disabled");
        soft.assertThat(b.path("user_role_id").isIntegralNumber()).as(route).isTrue();
        soft.assertThat(b.path("password_login").isBoolean()).as(route).isTrue();
      }
      case "POST /api/subscribers", "PUT /api/subscribers/{id}" -> {
        JsonNode b = json(soft, route, r);
        soft.assertThat(b.path("email").asText()).as(route).contains("@");
        soft.assertThat(b.path("name").asText()).as(route).isNotBlank();
        soft.assertThat(b.path("status").asText()).as(route).isIn("enabled", "blocklisted");
        // PUT is a full replace: lists must always be sent or subscriptions are dropped.
        soft.assertThat(b.path("lists").isArray()).as(route + " lists").isTrue();
        soft.assertThat(b.path("attribs").isObject()).as(route + " attribs").isTrue();
      }
      case "PUT /api/subscribers/lists" -> {
        JsonNode b = json(soft, route, r);
        soft.assertThat(b.path("ids").isArray() && !b.path("ids").isEmpty()).as(route).isTrue();
        soft.assertThat(b.path("target_list_ids").isArray() && !b.path("target_list_ids").isEmpty())
            .as(route)
            .isTrue();
        String action = b.path("action").asText();
        soft.assertThat(action).as(route).isIn("add", "remove", "unsubscribe");
        soft.assertThat(b.has("status"))
            .as(route + " status only for add")
            .isEqualTo(action.equals("add"));
      }
      case "GET /api/subscribers" -> {
        String q = r.query() == null ? "" : r.query();
        soft.assertThat(q.contains("query=") || q.contains("search=")).as(route).isTrue();
        soft.assertThat(q).as("per_page clamped to 50").doesNotContain("per_page=100");
        soft.assertThat(q).as("email is percent-encoded").doesNotContain("@").doesNotContain("'");
      }
      case "POST /api/import/subscribers" -> {
        soft.assertThat(type).as(route).startsWith("multipart/form-data; boundary=");
        String body = new String(r.body(), StandardCharsets.UTF_8);
        soft.assertThat(body)
            .as(route)
            .contains("name=\"params\"")
            .contains("name=\"file\"; filename=\"people.csv\"");
        int start = body.indexOf("{\"mode\"");
        JsonNode params =
            VendorJson.MAPPER.readTree(body.substring(start, body.indexOf('\r', start)));
        soft.assertThat(params.path("mode").asText()).isIn("subscribe", "blocklist");
        soft.assertThat(params.path("delim").asText()).isEqualTo(",");
        soft.assertThat(params.path("lists").isArray()).isTrue();
        soft.assertThat(params.path("subscription_status").asText())
            .isIn("unconfirmed", "confirmed", "unsubscribed");
      }
      default -> {
        if (r.method().equals("GET") || r.method().equals("DELETE")) {
          soft.assertThat(r.body()).as(route + " has no body").isEmpty();
        }
      }
    }
  }

  private static JsonNode json(SoftAssertions soft, String route, FakeRequest r) throws Exception {
    soft.assertThat(r.header("Content-Type")).as(route).startsWith("application/json");
    return VendorJson.MAPPER.readTree(r.body());
  }
}
