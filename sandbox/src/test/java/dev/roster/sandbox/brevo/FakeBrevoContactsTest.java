package dev.roster.sandbox.brevo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.TestHttp;
import dev.roster.sandbox.TestHttp.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeBrevoContactsTest {
  private static final String ADA = "ada+test@example.com";
  private static final String ADA_PATH = "ada%2Btest%40example.com";

  // Generous contacts budget so these tests exercise behaviour, not rate limiting.
  private final FakeBrevo brevo =
      FakeBrevo.start(
          FakeBrevo.Options.builder().contactsLimit(1000, Duration.ofSeconds(1)).build());
  private final TestHttp http = new TestHttp(brevo.baseUrl(), brevo.apiKey());

  @AfterEach
  void stop() {
    brevo.close();
  }

  private Reply create(String email, boolean updateEnabled) throws Exception {
    return http.post(
        "/contacts",
        Map.of(
            "email",
            email,
            "attributes",
            Map.of("FNAME", "Ada"),
            "listIds",
            List.of(2),
            "updateEnabled",
            updateEnabled));
  }

  @Test
  void createReturns201WithIdAndStoresTheContact() throws Exception {
    Reply reply = create(ADA, false);

    assertThat(reply.status()).isEqualTo(201);
    long id = reply.json().path("id").asLong();
    Contact contact = brevo.contact(ADA).orElseThrow();
    assertThat(contact.id()).isEqualTo(id);
    assertThat(contact.attributes()).containsEntry("FNAME", "Ada");
    assertThat(contact.listIds()).containsExactly(2L);
    assertThat(brevo.listMemberEmails(2)).containsExactly(ADA);
  }

  @Test
  void duplicateCreateIsRejectedWithDuplicateParameter() throws Exception {
    create(ADA, false);
    Reply reply = create("Ada+Test@example.com", false);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("code").asText()).isEqualTo("duplicate_parameter");
    assertThat(reply.json().at("/metadata/duplicate_identifiers/0").asText()).isEqualTo("email");
  }

  @Test
  void createWithUpdateEnabledMergesAnExistingContactAnd204s() throws Exception {
    create(ADA, false);
    Reply reply =
        http.post(
            "/contacts",
            Map.of(
                "email",
                ADA,
                "attributes",
                Map.of("LNAME", "Lovelace"),
                "listIds",
                List.of(7),
                "updateEnabled",
                true));

    assertThat(reply.status()).isEqualTo(204);
    Contact contact = brevo.contact(ADA).orElseThrow();
    assertThat(contact.attributes())
        .containsEntry("FNAME", "Ada")
        .containsEntry("LNAME", "Lovelace");
    assertThat(contact.listIds()).containsExactlyInAnyOrder(2L, 7L);
  }

  @Test
  void createWithInvalidEmailIs400() throws Exception {
    Reply reply = create("nope", false);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("code").asText()).isEqualTo("invalid_parameter");
    assertThat(brevo.contacts()).isEmpty();
  }

  @Test
  void getByEncodedEmailOrIdReturnsTheContactAnd404WhenMissing() throws Exception {
    long id = create(ADA, false).json().path("id").asLong();

    Reply byEmail = http.get("/contacts/" + ADA_PATH);
    Reply byId = http.get("/contacts/" + id);
    Reply missing = http.get("/contacts/ghost%40example.com");

    assertThat(byEmail.status()).isEqualTo(200);
    assertThat(byEmail.json().path("email").asText()).isEqualTo(ADA);
    assertThat(byEmail.json().path("id").asLong()).isEqualTo(id);
    assertThat(byEmail.json().at("/attributes/FNAME").asText()).isEqualTo("Ada");
    assertThat(byEmail.json().at("/listIds/0").asLong()).isEqualTo(2);
    assertThat(byEmail.json().path("listUnsubscribed").isArray()).isTrue();
    assertThat(byEmail.json().path("statistics").isObject()).isTrue();
    assertThat(byId.json().path("email").asText()).isEqualTo(ADA);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("message").asText()).isEqualTo("Contact does not exist");
  }

  @Test
  void putUpdatesAttributesBlacklistAndListsAnd404sWhenMissing() throws Exception {
    create(ADA, false);

    Reply reply =
        http.put(
            "/contacts/" + ADA_PATH,
            Map.of(
                "attributes",
                Map.of("FNAME", "Augusta"),
                "emailBlacklisted",
                true,
                "listIds",
                List.of(7),
                "unlinkListIds",
                List.of(2)));
    Reply missing = http.put("/contacts/ghost%40example.com", Map.of("emailBlacklisted", true));

    assertThat(reply.status()).isEqualTo(204);
    Contact contact = brevo.contact(ADA).orElseThrow();
    assertThat(contact.attributes()).containsEntry("FNAME", "Augusta");
    assertThat(contact.emailBlacklisted()).isTrue();
    assertThat(contact.listIds()).containsExactly(7L);
    assertThat(missing.status()).isEqualTo(404);
  }

  @Test
  void deleteErasesTheContactAnd404sTheSecondTime() throws Exception {
    create(ADA, false);

    assertThat(http.delete("/contacts/" + ADA_PATH).status()).isEqualTo(204);
    assertThat(brevo.contact(ADA)).isEmpty();
    assertThat(brevo.listMemberEmails(2)).isEmpty();
    assertThat(http.delete("/contacts/" + ADA_PATH).status()).isEqualTo(404);
  }

  @Test
  void theRegisteredAddressAnswers405AndStays() throws Exception {
    create("owner@sandbox.example", false);

    Reply reply = http.delete("/contacts/owner%40sandbox.example");

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.json().path("code").asText()).isEqualTo("method_not_allowed");
    assertThat(reply.json().path("message").asText())
        .isEqualTo("not allowed to delete registered email contact");
    assertThat(brevo.contact("owner@sandbox.example")).isPresent();
  }

  @Test
  void theRegisteredAddressIsAnOption() throws Exception {
    try (FakeBrevo other =
        FakeBrevo.start(FakeBrevo.Options.builder().registeredEmail(ADA).build())) {
      TestHttp otherHttp = new TestHttp(other.baseUrl(), other.apiKey());
      otherHttp.post("/contacts", Map.of("email", ADA));

      assertThat(otherHttp.delete("/contacts/" + ADA_PATH).status()).isEqualTo(405);
    }
  }

  @Test
  void listUnsubscribedHoldsThePersonsOwnOptOutsNotApiRemovals() throws Exception {
    create(ADA, false);
    http.post("/contacts/lists/7/contacts/add", Map.of("emails", List.of(ADA)));

    brevo.unsubscribeFromList(ADA, 7);
    http.put("/contacts/" + ADA_PATH, Map.of("unlinkListIds", List.of(2)));

    Reply reply = http.get("/contacts/" + ADA_PATH);
    assertThat(reply.json().path("listIds")).isEmpty();
    assertThat(reply.json().path("listUnsubscribed").get(0).asLong()).isEqualTo(7L);
    assertThat(brevo.contact(ADA).orElseThrow().listUnsubscribed()).containsExactly(7L);

    http.post("/contacts/lists/7/contacts/add", Map.of("emails", List.of(ADA)));
    assertThat(brevo.contact(ADA).orElseThrow().listUnsubscribed()).isEmpty();
  }

  @Test
  void getShowsTheBlacklistFlag() throws Exception {
    create(ADA, false);
    http.put("/contacts/" + ADA_PATH, Map.of("emailBlacklisted", true));

    assertThat(http.get("/contacts/" + ADA_PATH).json().path("emailBlacklisted").asBoolean())
        .isTrue();
  }

  @Test
  void addToListSplitsKnownAndUnknownEmails() throws Exception {
    create(ADA, false);
    long list = brevo.createList("Beta testers");

    Reply reply =
        http.post(
            "/contacts/lists/" + list + "/contacts/add",
            Map.of("emails", List.of(ADA, "ghost@example.com")));
    Reply again = http.post("/contacts/lists/2/contacts/add", Map.of("emails", List.of(ADA)));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().at("/contacts/success/0").asText()).isEqualTo(ADA);
    assertThat(reply.json().at("/contacts/failure/0").asText()).isEqualTo("ghost@example.com");
    assertThat(reply.json().at("/contacts/total").asInt()).isEqualTo(1);
    assertThat(brevo.listMemberEmails(list)).containsExactly(ADA);
    assertThat(again.json().at("/contacts/success/0").asText()).isEqualTo(ADA);
  }

  @Test
  void addToListByIdsAndRemoveByEmailOrAll() throws Exception {
    long id = create(ADA, false).json().path("id").asLong();
    create("bob@example.com", false);

    Reply add = http.post("/contacts/lists/7/contacts/add", Map.of("ids", List.of(id)));
    assertThat(add.json().at("/contacts/success/0").asText()).isEqualTo(Long.toString(id));
    assertThat(brevo.listMemberEmails(7)).containsExactly(ADA);

    Reply remove = http.post("/contacts/lists/7/contacts/remove", Map.of("emails", List.of(ADA)));
    assertThat(remove.status()).isEqualTo(201);
    assertThat(brevo.listMemberEmails(7)).isEmpty();

    Reply all = http.post("/contacts/lists/2/contacts/remove", Map.of("all", true));
    assertThat(all.status()).isEqualTo(201);
    assertThat(all.json().at("/contacts/total").asInt()).isEqualTo(2);
    assertThat(brevo.listMemberEmails(2)).isEmpty();
  }

  @Test
  void listOperationsOnAnUnknownListAre404() throws Exception {
    create(ADA, false);

    Reply add = http.post("/contacts/lists/999/contacts/add", Map.of("emails", List.of(ADA)));
    Reply remove = http.post("/contacts/lists/999/contacts/remove", Map.of("emails", List.of(ADA)));

    assertThat(add.status()).isEqualTo(404);
    assertThat(add.json().path("message").asText()).isEqualTo("List ID does not exist");
    assertThat(remove.status()).isEqualTo(404);
  }

  @Test
  void moreThan150EmailsIsRejected() throws Exception {
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < 151; i++) {
      emails.add("user" + i + "@example.com");
    }

    Reply reply = http.post("/contacts/lists/2/contacts/add", Map.of("emails", emails));

    assertThat(reply.status()).isEqualTo(400);
  }
}
