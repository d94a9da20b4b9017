package dev.roster.activities.mailjet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.activities.http.VendorJson;
import dev.roster.activities.mailjet.MailjetTypes.Action;
import dev.roster.activities.mailjet.MailjetTypes.BulkContact;
import dev.roster.activities.mailjet.MailjetTypes.ListAction;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.mailjet.FakeMailjet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Drives every client operation once, then checks what went on the wire against vendors.md §1:
 * method and path, Basic auth, JSON bodies and the fields Mailjet requires.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailjetContractTest {
  private static final String ADA = "ada+news@example.com";
  private static final Set<String> ACTIONS = Set.of("addforce", "addnoforce", "remove", "unsub");

  private MailjetFixture mailjet;
  private List<FakeRequest> requests;

  @BeforeAll
  void driveEveryOperation() {
    mailjet =
        MailjetFixture.start(
            FakeMailjet.Options.builder().rateLimit(10_000, Duration.ofSeconds(1)).jobPolls(1));
    MailjetClient c = mailjet.client;
    long id = c.createContact(ADA, "Ada", false).id();
    c.getContact(ADA);
    c.listContacts();
    c.updateContact(ADA, "Ada Lovelace", true);
    c.ensureProperty("firstname", "str");
    c.listProperties();
    c.setContactData(Long.toString(id), Map.of("firstname", "Ada"));
    c.getContactData(ADA);
    c.lists().listContactLists();
    c.lists().getContactList(10);
    c.lists().createContactList("Beta");
    c.lists().findListRecipient(id, 10);
    long recipient = c.lists().subscribe(id, 10).id();
    c.lists().listRecipients(id);
    c.lists().unsubscribe(recipient);
    c.lists().resubscribe(recipient);
    c.lists().removeListRecipient(recipient);
    long job =
        c.jobs()
            .start(
                List.of(
                    new BulkContact("bob@example.com", "Bob", null, Map.of("firstname", "Bob"))),
                List.of(new ListAction(11, Action.ADDNOFORCE)));
    c.jobs().status(job);
    c.jobs().errors(job);
    // Offboarding through the connector; its writes are the client calls above, and the erase is
    // the client's eraseContact (v4 DELETE, then the read-back by id).
    mailjet.contacts.findContact(ADA);
    mailjet.contacts.unsubscribe(ADA, List.of("10"));
    mailjet.contacts.unsubscribeAll(ADA);
    mailjet.contacts.suppress(ADA);
    mailjet.contacts.erase(ADA);
    requests = mailjet.fake.requests();
  }

  @AfterAll
  void stop() {
    mailjet.close();
  }

  @Test
  void everyDocumentedRouteWasExercised() {
    Set<String> seen = new TreeSet<>();
    requests.forEach(r -> seen.add(r.method() + " " + r.template()));
    assertThat(seen)
        .contains(
            "POST /v3/REST/contact",
            "GET /v3/REST/contact",
            "GET /v3/REST/contact/{id}",
            "PUT /v3/REST/contact/{id}",
            "DELETE /v4/contacts/{id}",
            "POST /v3/REST/contactmetadata",
            "GET /v3/REST/contactmetadata",
            "GET /v3/REST/contactdata/{id}",
            "PUT /v3/REST/contactdata/{id}",
            "GET /v3/REST/contactslist",
            "GET /v3/REST/contactslist/{id}",
            "POST /v3/REST/contactslist",
            "POST /v3/REST/listrecipient",
            "GET /v3/REST/listrecipient",
            "PUT /v3/REST/listrecipient/{id}",
            "DELETE /v3/REST/listrecipient/{id}",
            "POST /v3/REST/contact/managemanycontacts",
            "GET /v3/REST/contact/managemanycontacts/{jobId}",
            "GET /v3/DATA/batchjob/{jobId}/JSONError/application:json/LAST");
    // v3 cannot delete contacts (mailjet-apiv3-php#98): the client must never try.
    assertThat(seen).doesNotContain("DELETE /v3/REST/contact/{id}");
  }

  @Test
  void everyRequestUsesBasicAuthWithKeyAndSecret() {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (mailjet.fake.apiKey() + ":" + mailjet.fake.secretKey())
                        .getBytes(StandardCharsets.UTF_8));
    assertThat(requests).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo(expected));
  }

  @Test
  void everyBodyIsAJsonObjectSentAsApplicationJson() {
    assertThat(requests)
        .filteredOn(r -> r.method().equals("POST") || r.method().equals("PUT"))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.header("Content-Type")).startsWith("application/json");
              assertThat(body(r).isObject()).isTrue();
            });
    assertThat(requests)
        .filteredOn(r -> r.method().equals("GET") || r.method().equals("DELETE"))
        .allSatisfy(r -> assertThat(r.body()).isEmpty());
  }

  @Test
  void contactBodiesCarryEmailOnCreateAndNeverOnUpdate() {
    JsonNode create = body(only("POST", "/v3/REST/contact"));
    assertThat(create.path("Email").asText()).isEqualTo(ADA);
    assertThat(fieldNames(create)).isSubsetOf("Email", "Name", "IsExcludedFromCampaigns");

    JsonNode update = body(only("PUT", "/v3/REST/contact/{id}"));
    assertThat(fieldNames(update)).isSubsetOf("Name", "IsExcludedFromCampaigns");
    assertThat(only("PUT", "/v3/REST/contact/{id}").param("id")).isEqualTo(ADA);
  }

  @Test
  void propertyBodiesFollowContactmetadataAndContactdata() {
    JsonNode meta = body(only("POST", "/v3/REST/contactmetadata"));
    assertThat(meta.path("Name").asText()).isEqualTo("firstname");
    assertThat(meta.path("Datatype").asText()).isIn("str", "int", "float", "bool", "datetime");
    assertThat(meta.path("NameSpace").asText()).isIn("static", "historic");

    JsonNode data = body(only("PUT", "/v3/REST/contactdata/{id}"));
    assertThat(data.path("Data").isArray()).isTrue();
    assertThat(data.path("Data"))
        .allSatisfy(
            item -> assertThat(fieldNames(item)).containsExactlyInAnyOrder("Name", "Value"));
  }

  @Test
  void listRecipientUsesContactIdListIdAndTheContactAndContactsListFilters() {
    JsonNode subscribe = body(only("POST", "/v3/REST/listrecipient"));
    assertThat(subscribe.path("ContactID").isIntegralNumber()).isTrue();
    assertThat(subscribe.path("ListID").asLong()).isEqualTo(10);

    assertThat(requests)
        .filteredOn(r -> r.template().equals("/v3/REST/listrecipient") && r.method().equals("GET"))
        .allSatisfy(
            r -> {
              assertThat(r.query()).contains("Contact=");
              assertThat(r.query()).doesNotContain("ContactID=", "ListID=");
            })
        .anySatisfy(r -> assertThat(r.query()).contains("ContactsList=10"));

    assertThat(requests)
        .filteredOn(
            r -> r.template().equals("/v3/REST/listrecipient/{id}") && r.method().equals("PUT"))
        .hasSize(2)
        .allSatisfy(r -> assertThat(fieldNames(body(r))).containsExactly("IsUnsubscribed"));
  }

  @Test
  void bulkJobBodyHasContactsWithEmailAndListsWithAction() {
    JsonNode job = body(only("POST", "/v3/REST/contact/managemanycontacts"));
    assertThat(job.path("Contacts")).isNotEmpty();
    assertThat(job.path("Contacts"))
        .allSatisfy(c -> assertThat(c.path("Email").asText()).contains("@"));
    assertThat(job.path("Contacts").get(0).path("Properties").path("firstname").asText())
        .isEqualTo("Bob");
    assertThat(job.path("ContactsLists"))
        .allSatisfy(
            l -> {
              assertThat(l.path("ListID").isIntegralNumber()).isTrue();
              assertThat(l.path("Action").asText()).isIn(ACTIONS);
            });
  }

  @Test
  void collectionsArePagedWithinMailjetsLimit() {
    assertThat(requests)
        .filteredOn(r -> r.query() != null && r.query().contains("Limit="))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.query()).contains("Limit=1000", "Offset="));
  }

  @Test
  void erasureUsesThePluralV4PathWithTheNumericId() {
    FakeRequest erase = only("DELETE", "/v4/contacts/{id}");
    assertThat(erase.path()).matches("/v4/contacts/\\d+");
  }

  private FakeRequest only(String method, String template) {
    List<FakeRequest> matches =
        requests.stream()
            .filter(r -> r.method().equals(method) && r.template().equals(template))
            .toList();
    assertThat(matches).as(method + " " + template).hasSize(1);
    return matches.get(0);
  }

  private static JsonNode body(FakeRequest r) {
    try {
      return VendorJson.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.method() + " " + r.template(), e);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
