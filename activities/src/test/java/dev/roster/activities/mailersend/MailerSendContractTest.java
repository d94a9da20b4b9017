package dev.roster.activities.mailersend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.activities.http.VendorJson;
import dev.roster.sandbox.FakeRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request the client sends, checked against vendors.md §2 and the official SDKs' paths: the
 * method and path, {@code Authorization: Bearer}, a JSON body where there is one, and its required
 * fields.
 */
class MailerSendContractTest {
  /** "METHOD template" to the body fields MailerSend requires; null means no body is sent. */
  private static final Map<String, List<String>> CONTRACT =
      Map.ofEntries(
          Map.entry("GET /v1/users", List.of()),
          Map.entry("GET /v1/users/{id}", List.of()),
          Map.entry("POST /v1/users", List.of("email", "role")),
          Map.entry("PUT /v1/users/{id}", List.of("role")),
          Map.entry("DELETE /v1/users/{id}", List.of()),
          Map.entry("GET /v1/invites", List.of()),
          Map.entry("POST /v1/invites/{id}/resend", List.of()),
          Map.entry("DELETE /v1/invites/{id}", List.of()),
          Map.entry("GET /v1/recipients", List.of()),
          Map.entry("DELETE /v1/recipients/{id}", List.of()),
          Map.entry("GET /v1/suppressions/blocklist", List.of()),
          Map.entry("POST /v1/suppressions/blocklist", List.of("recipients")),
          Map.entry("DELETE /v1/suppressions/blocklist", List.of("ids")));

  private static final Set<String> LISTINGS =
      Set.of("/v1/users", "/v1/invites", "/v1/recipients", "/v1/suppressions/blocklist");

  private static final Set<String> WITH_BODY = Set.of("POST", "PUT");

  private MailerSendFixture ms;

  @BeforeEach
  void start() {
    ms = MailerSendFixture.start();
  }

  @AfterEach
  void stop() {
    ms.close();
  }

  @Test
  void everyRecordedRequestMatchesTheDocumentedContract() throws Exception {
    exerciseEveryOperation();

    List<FakeRequest> requests = ms.fake.requests();
    assertThat(requests).isNotEmpty();
    for (FakeRequest r : requests) {
      String key = r.method() + " " + r.template();
      assertThat(CONTRACT).as("documented endpoint %s", key).containsKey(key);
      assertThat(r.header("Authorization")).as(key).isEqualTo("Bearer " + ms.fake.token());
      if (r.method().equals("GET") && LISTINGS.contains(r.template())) {
        assertThat(r.query()).as(key).contains("page=").contains("limit=100");
      }
      boolean hasBody = r.body().length > 0;
      if (WITH_BODY.contains(r.method()) || hasBody) {
        assertThat(r.header("Content-Type")).as(key).startsWith("application/json");
        JsonNode body = VendorJson.MAPPER.readTree(r.body());
        assertThat(body.isObject()).as(key).isTrue();
        for (String field : CONTRACT.get(key)) {
          assertThat(body.hasNonNull(field)).as("%s needs %s", key, field).isTrue();
        }
      }
    }
    assertThat(requests)
        .extracting(r -> r.method() + " " + r.template())
        .containsAll(CONTRACT.keySet());
  }

  private void exerciseEveryOperation() {
    String ada = "ada+contract@example.com";
    ms.team.invite(ada, "editor");
    ms.team.resend(ada);
    ms.team.cancel(ada);
    ms.team.invite(ada, "viewer");
    ms.team.changeRole(ada, "admin");
    ms.fake.acceptInvite(ada);
    String id = ms.fake.user(ada).orElseThrow().id();
    ms.team.changeRole(ada, "viewer");
    ms.client.updateUser(id, "Designer", List.of());
    ms.team.remove(ada);
    ms.fake.addRecipient(ada);
    ms.contacts.findContact(ada);
    ms.contacts.unsubscribe(ada, List.of("3"));
    ms.contacts.unsubscribeAll(ada);
    ms.contacts.erase(ada);
    ms.contacts.suppress(ada);
    ms.client.deleteFromBlocklist(List.of(ms.client.listBlocklist().get(0).id()));
    ms.team.listMembers();
  }
}
