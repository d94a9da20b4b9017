package dev.roster.sandbox.mailjet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.sandbox.TestHttp.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contacts, properties and erasure, asserted on envelopes and on the fake's state. */
class FakeMailjetContactsTest {
  private static final String ADA = "ada+news@example.com";
  private static final String CONTACT = "/v3/REST/contact";

  private final FakeMailjet mailjet =
      FakeMailjet.start(
          FakeMailjet.Options.builder().rateLimit(10_000, Duration.ofSeconds(1)).build());
  private final MailjetTestHttp http = MailjetTestHttp.of(mailjet);

  @AfterEach
  void stop() {
    mailjet.close();
  }

  private long create(String email) throws Exception {
    return http.post(CONTACT, Map.of("Email", email, "Name", "Ada"))
        .json()
        .path("Data")
        .get(0)
        .path("ID")
        .asLong();
  }

  @Test
  void createAnswers201InTheCountDataTotalEnvelope() throws Exception {
    Reply reply = http.post(CONTACT, Map.of("Email", ADA, "Name", "Ada"));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().path("Count").asInt()).isEqualTo(1);
    assertThat(reply.json().path("Total").asInt()).isEqualTo(1);
    JsonNode data = reply.json().path("Data").get(0);
    assertThat(data.path("Email").asText()).isEqualTo(ADA);
    assertThat(data.path("IsExcludedFromCampaigns").asBoolean()).isFalse();
    assertThat(data.has("CreatedAt")).isTrue();
    assertThat(mailjet.contact(ADA)).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("Ada"));
  }

  @Test
  void duplicateEmailIs400Mj18() throws Exception {
    create(ADA);

    Reply reply = http.post(CONTACT, Map.of("Email", ADA.toUpperCase()));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("ErrorMessage").asText())
        .isEqualTo(
            "MJ18 A Contact resource with value \""
                + ADA.toUpperCase()
                + "\" for Email already exists.");
    assertThat(mailjet.contacts()).hasSize(1);
  }

  @Test
  void getFindsByIdOrEncodedEmailAndMissingIs404ObjectNotFound() throws Exception {
    long id = create(ADA);

    assertThat(http.get(CONTACT + "/" + id).status()).isEqualTo(200);
    assertThat(
            http.get(CONTACT + "/ada%2Bnews%40example.com")
                .json()
                .path("Data")
                .get(0)
                .path("ID")
                .asLong())
        .isEqualTo(id);
    Reply missing = http.get(CONTACT + "/nobody@example.com");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("ErrorMessage").asText()).isEqualTo("Object not found");
  }

  @Test
  void putPatchesNameAndExclusionAndAnswers304WhenNothingChanges() throws Exception {
    long id = create(ADA);

    Reply changed = http.put(CONTACT + "/" + id, Map.of("IsExcludedFromCampaigns", true));
    Reply same = http.put(CONTACT + "/" + ADA, Map.of("IsExcludedFromCampaigns", true));

    assertThat(changed.status()).isEqualTo(200);
    assertThat(same.status()).isEqualTo(304);
    assertThat(mailjet.isExcluded(ADA)).isTrue();
    assertThat(mailjet.contact(ADA).orElseThrow().name()).isEqualTo("Ada");
  }

  @Test
  void listingPagesWithLimitAndOffset() throws Exception {
    for (int i = 0; i < 12; i++) {
      create("p" + i + "@example.com");
    }

    Reply first = http.get(CONTACT);
    Reply last = http.get(CONTACT + "?Limit=5&Offset=10");

    assertThat(first.json().path("Count").asInt()).isEqualTo(10);
    assertThat(first.json().path("Total").asInt()).isEqualTo(12);
    assertThat(last.json().path("Count").asInt()).isEqualTo(2);
    assertThat(last.json().path("Data").get(0).path("Email").asText()).isEqualTo("p10@example.com");
  }

  @Test
  void v3DeleteIsNotAllowedButV4DeleteAnonymises() throws Exception {
    long id = create(ADA);
    http.post("/v3/REST/listrecipient", Map.of("ContactID", id, "ListID", 10));

    Reply v3 = http.delete(CONTACT + "/" + id);
    Reply v4 = http.delete("/v4/contacts/" + id);

    assertThat(v3.status()).isEqualTo(401);
    assertThat(v3.json().path("ErrorMessage").asText()).isEqualTo("Operation not allowed");
    assertThat(v4.status()).isEqualTo(200);
    assertThat(mailjet.contact(ADA)).isEmpty();
    assertThat(mailjet.listMemberEmails(10)).isEmpty();
    assertThat(http.get(CONTACT + "/" + ADA).status()).isEqualTo(404);
    assertThat(http.get(CONTACT + "/" + id).json().path("Data").get(0).path("Name").asText())
        .isEqualTo("Anonymized");
    assertThat(http.delete("/v4/contacts/" + id).status()).isEqualTo(404);
  }

  @Test
  void contactDataNeedsTheMetadataFirst() throws Exception {
    create(ADA);
    Map<String, Object> data = Map.of("Data", List.of(Map.of("Name", "firstname", "Value", "Ada")));

    Reply unknown = http.put("/v3/REST/contactdata/" + ADA, data);
    Reply defined =
        http.post(
            "/v3/REST/contactmetadata",
            Map.of("Name", "firstname", "Datatype", "str", "NameSpace", "static"));
    Reply again = http.post("/v3/REST/contactmetadata", Map.of("Name", "firstname"));
    Reply set = http.put("/v3/REST/contactdata/" + ADA, data);

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(defined.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().path("ErrorMessage").asText()).startsWith("MJ18");
    assertThat(set.status()).isEqualTo(200);
    assertThat(mailjet.properties(ADA)).containsEntry("firstname", "Ada");
    JsonNode read = http.get("/v3/REST/contactdata/" + ADA).json().path("Data").get(0);
    assertThat(read.path("Data").get(0).path("Value").asText()).isEqualTo("Ada");
  }

  @Test
  void contactDataAcceptsLowerCaseKeysAndNullUnsets() throws Exception {
    create(ADA);
    http.post("/v3/REST/contactmetadata", Map.of("Name", "age", "Datatype", "int"));
    http.put(
        "/v3/REST/contactdata/" + ADA, Map.of("data", List.of(Map.of("name", "age", "value", 30))));
    assertThat(mailjet.properties(ADA)).containsEntry("age", 30);

    Map<String, Object> unset = new java.util.HashMap<>();
    unset.put("Name", "age");
    unset.put("Value", null);
    http.put("/v3/REST/contactdata/" + ADA, Map.of("Data", List.of(unset)));

    assertThat(mailjet.properties(ADA)).isEmpty();
  }
}
