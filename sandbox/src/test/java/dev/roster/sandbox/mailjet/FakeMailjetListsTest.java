package dev.roster.sandbox.mailjet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.TestHttp.Reply;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contact lists and list recipients. */
class FakeMailjetListsTest {
  private static final String ADA = "ada@example.com";
  private static final String RECIPIENTS = "/v3/REST/listrecipient";

  private final FakeMailjet mailjet =
      FakeMailjet.start(
          FakeMailjet.Options.builder().rateLimit(10_000, Duration.ofSeconds(1)).build());
  private final MailjetTestHttp http = MailjetTestHttp.of(mailjet);
  private long ada;

  @BeforeEach
  void createAda() throws Exception {
    ada =
        http.post("/v3/REST/contact", Map.of("Email", ADA))
            .json()
            .path("Data")
            .get(0)
            .path("ID")
            .asLong();
  }

  @AfterEach
  void stop() {
    mailjet.close();
  }

  @Test
  void newsletterAndProductUpdatesExistFromTheStart() throws Exception {
    Reply lists = http.get("/v3/REST/contactslist");

    assertThat(lists.json().path("Total").asInt()).isEqualTo(2);
    assertThat(
            http.get("/v3/REST/contactslist/10").json().path("Data").get(0).path("Name").asText())
        .isEqualTo("Newsletter");
    assertThat(
            http.get("/v3/REST/contactslist/11").json().path("Data").get(0).path("Name").asText())
        .isEqualTo("Product updates");
    assertThat(http.get("/v3/REST/contactslist/99").status()).isEqualTo(404);
  }

  @Test
  void listsCanBeCreatedRenamedAndDeleted() throws Exception {
    Reply created = http.post("/v3/REST/contactslist", Map.of("Name", "Beta"));
    long id = created.json().path("Data").get(0).path("ID").asLong();

    assertThat(created.status()).isEqualTo(201);
    assertThat(http.put("/v3/REST/contactslist/" + id, Map.of("Name", "Beta 2")).status())
        .isEqualTo(200);
    assertThat(http.delete("/v3/REST/contactslist/" + id).status()).isEqualTo(204);
    assertThat(http.get("/v3/REST/contactslist/" + id).status()).isEqualTo(404);
  }

  @Test
  void subscribeByIdsThenDuplicateIs400() throws Exception {
    Reply first = http.post(RECIPIENTS, Map.of("ContactID", ada, "ListID", 10));
    Reply again = http.post(RECIPIENTS, Map.of("ContactID", ada, "ListID", 10));

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().path("Data").get(0).path("ListName").asText()).isEqualTo("Newsletter");
    assertThat(again.status()).isEqualTo(400);
    assertThat(mailjet.listMemberEmails(10)).containsExactly(ADA);
  }

  @Test
  void subscribeByContactAltAndListAlt() throws Exception {
    Reply reply = http.post(RECIPIENTS, Map.of("ContactAlt", ADA, "ListAlt", "mj-list-11"));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(mailjet.listMemberEmails(11)).containsExactly(ADA);
  }

  @Test
  void unknownContactOrListIs400() throws Exception {
    assertThat(http.post(RECIPIENTS, Map.of("ContactID", 999, "ListID", 10)).status())
        .isEqualTo(400);
    assertThat(http.post(RECIPIENTS, Map.of("ContactID", ada, "ListID", 999)).status())
        .isEqualTo(400);
    assertThat(http.post(RECIPIENTS, Map.of("ListID", 10)).status()).isEqualTo(400);
  }

  @Test
  void queryFiltersAreContactAndContactsList() throws Exception {
    http.post(RECIPIENTS, Map.of("ContactID", ada, "ListID", 10));
    http.post(RECIPIENTS, Map.of("ContactID", ada, "ListID", 11));

    Reply one = http.get(RECIPIENTS + "?Contact=" + ada + "&ContactsList=11");
    Reply both = http.get(RECIPIENTS + "?Contact=" + ada);
    Reply none = http.get(RECIPIENTS + "?Contact=999&ContactsList=10");

    assertThat(one.json().path("Count").asInt()).isEqualTo(1);
    assertThat(one.json().path("Data").get(0).path("ListID").asLong()).isEqualTo(11);
    assertThat(both.json().path("Total").asInt()).isEqualTo(2);
    assertThat(none.json().path("Count").asInt()).isZero();
    assertThat(none.json().path("Data").isEmpty()).isTrue();
  }

  @Test
  void putUnsubscribesAndDeleteRemoves() throws Exception {
    long id =
        http.post(RECIPIENTS, Map.of("ContactID", ada, "ListID", 10))
            .json()
            .path("Data")
            .get(0)
            .path("ID")
            .asLong();

    Reply unsub = http.put(RECIPIENTS + "/" + id, Map.of("IsUnsubscribed", true));
    assertThat(unsub.status()).isEqualTo(200);
    assertThat(unsub.json().path("Data").get(0).path("UnsubscribedAt").asText()).isNotEmpty();
    assertThat(mailjet.listMemberEmails(10)).isEmpty();
    assertThat(http.put(RECIPIENTS + "/" + id, Map.of("IsUnsubscribed", true)).status())
        .isEqualTo(304);

    assertThat(http.delete(RECIPIENTS + "/" + id).status()).isEqualTo(204);
    assertThat(http.get(RECIPIENTS + "/" + id).status()).isEqualTo(404);
    assertThat(http.delete(RECIPIENTS + "/" + id).status()).isEqualTo(404);
  }
}
