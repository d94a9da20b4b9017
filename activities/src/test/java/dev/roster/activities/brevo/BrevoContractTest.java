package dev.roster.activities.brevo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.activities.http.VendorJson;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.workflows.contacts.ContactData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Drives every connector and client operation, then checks each request the fake recorded against
 * vendors.md §4 and the swagger: method and path, the {@code api-key} header, a JSON content type
 * on every body, and the body fields Brevo requires.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrevoContractTest {
  private static final String ADA = "ada+contract@example.com";
  private static final String OWNER = "owner@sandbox.example";
  private static final String ORG = "/v3/organization";

  private static final Set<String> ROUTES =
      Set.of(
          "GET " + ORG + "/invited/users",
          "POST " + ORG + "/user/invitation/send",
          "PUT " + ORG + "/user/invitation/resend/{email}",
          "PUT " + ORG + "/user/invitation/cancel/{email}",
          "PUT " + ORG + "/user/invitation/revoke/{email}",
          "POST " + ORG + "/user/update/permissions",
          "GET " + ORG + "/user/{email}/permissions",
          "POST /v3/contacts",
          "GET /v3/contacts/{identifier}",
          "PUT /v3/contacts/{identifier}",
          "DELETE /v3/contacts/{identifier}",
          "POST /v3/contacts/lists/{listId}/contacts/add");

  /** Fields of PUT /contacts/{identifier} (swagger updateContact). */
  private static final Set<String> UPDATE_FIELDS =
      Set.of(
          "attributes",
          "ext_id",
          "emailBlacklisted",
          "smsBlacklisted",
          "listIds",
          "unlinkListIds",
          "smtpBlacklistSender");

  private BrevoFixture brevo;
  private List<FakeRequest> requests;

  @BeforeAll
  void driveEveryOperation() {
    brevo =
        BrevoFixture.start(
            FakeBrevo.Options.builder().contactsLimit(1000, Duration.ofSeconds(1)).build(), null);
    TeamConnector team = brevo.team;
    ContactConnector c = brevo.contacts;
    team.invite(ADA, "editor");
    team.resend(ADA);
    team.cancel(ADA);
    team.invite(ADA, "viewer");
    team.changeRole(ADA, "editor");
    brevo.fake.acceptInvitation(ADA);
    team.changeRole(ADA, "admin");
    team.changeRole(ADA, "viewer");
    team.remove(ADA);
    team.listMembers();
    c.upsert(new ContactData(ADA, "Ada", "Lovelace", Map.of("company", "AE")));
    c.subscribe(ADA, List.of("2", "7"));
    brevo.client.updateContact(ADA, Map.of("LASTNAME", "King"), List.of(2L));
    c.findContact(ADA);
    c.unsubscribe(ADA, List.of("7"));
    c.unsubscribeAll(ADA);
    c.suppress(ADA);
    c.erase(ADA);
    c.upsert(new ContactData(OWNER, "Olive", null, null));
    c.erase(OWNER);
    requests = brevo.fake.requests();
  }

  @AfterAll
  void stop() {
    brevo.close();
  }

  @Test
  void everyDocumentedRouteWasExercisedAndNoOther() {
    Set<String> seen = new TreeSet<>();
    requests.forEach(r -> seen.add(r.method() + " " + r.template()));
    assertThat(seen).isEqualTo(new TreeSet<>(ROUTES));
  }

  @Test
  void everyRequestCarriesTheApiKeyAndAsksForJson() {
    assertThat(requests)
        .allSatisfy(
            r -> {
              assertThat(r.header("api-key")).isEqualTo(brevo.fake.apiKey());
              assertThat(r.header("accept")).isEqualTo("application/json");
              assertThat(r.header("Authorization")).isNull();
            });
  }

  @Test
  void everyBodyIsJsonWithTheFieldsBrevoRequires() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (FakeRequest r : requests) {
      String route = r.method() + " " + r.template();
      if (r.body().length == 0) {
        soft.assertThat(r.method()).as(route + " without a body").isIn("GET", "PUT", "DELETE");
        continue;
      }
      soft.assertThat(r.header("Content-Type")).as(route).startsWith("application/json");
      JsonNode b = VendorJson.MAPPER.readTree(r.body());
      soft.assertThat(b.isObject()).as(route).isTrue();
      check(soft, route, b);
    }
    soft.assertAll();
  }

  @Test
  void readsAndDeletesSendNoBody() {
    assertThat(requests)
        .filteredOn(r -> r.method().equals("GET") || r.method().equals("DELETE"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.body()).isEmpty());
  }

  private static void check(SoftAssertions soft, String route, JsonNode b) {
    switch (route) {
      case "POST " + ORG + "/user/invitation/send", "POST " + ORG + "/user/update/permissions" -> {
        soft.assertThat(b.path("email").asText()).as(route).contains("@");
        soft.assertThat(b.path("all_features_access").isBoolean()).as(route).isTrue();
        soft.assertThat(b.path("privileges").isArray()).as(route).isTrue();
        b.path("privileges")
            .forEach(
                p -> {
                  soft.assertThat(p.path("feature").asText()).as(route).isNotBlank();
                  soft.assertThat(p.path("permissions").isArray()).as(route).isTrue();
                });
      }
      case "POST /v3/contacts" -> {
        soft.assertThat(b.path("email").asText()).as(route).contains("@");
        soft.assertThat(b.path("attributes").isObject()).as(route).isTrue();
        soft.assertThat(b.path("updateEnabled").isBoolean()).as(route).isTrue();
      }
      case "PUT /v3/contacts/{identifier}" -> {
        Set<String> fields = new TreeSet<>();
        b.fieldNames().forEachRemaining(fields::add);
        soft.assertThat(fields).as(route).isNotEmpty().isSubsetOf(UPDATE_FIELDS);
        for (String ids : List.of("listIds", "unlinkListIds")) {
          if (b.has(ids)) {
            soft.assertThat(b.path(ids).isArray() && !b.path(ids).isEmpty()).as(route).isTrue();
            b.path(ids).forEach(id -> soft.assertThat(id.isIntegralNumber()).as(route).isTrue());
          }
        }
        if (b.has("emailBlacklisted")) {
          soft.assertThat(b.path("emailBlacklisted").isBoolean()).as(route).isTrue();
        }
      }
      case "POST /v3/contacts/lists/{listId}/contacts/add" -> {
        JsonNode emails = b.path("emails");
        soft.assertThat(emails.isArray() && !emails.isEmpty() && emails.size() <= 150)
            .as(route)
            .isTrue();
      }
      default -> soft.fail("unexpected body on " + route);
    }
  }
}
