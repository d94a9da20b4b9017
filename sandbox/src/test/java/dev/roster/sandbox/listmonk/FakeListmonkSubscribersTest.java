package dev.roster.sandbox.listmonk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.listmonk.ListmonkTestHttp.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /api/subscribers* and /api/lists: state, status codes and paging. */
class FakeListmonkSubscribersTest {
  private final FakeListmonk listmonk = FakeListmonk.start();
  private final ListmonkTestHttp http = ListmonkTestHttp.as(listmonk);

  @AfterEach
  void stop() {
    listmonk.close();
  }

  private long create(String email, List<Long> lists) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("email", email);
    body.put("name", "Someone");
    body.put("status", "enabled");
    body.put("lists", lists);
    body.put("attribs", Map.of("team", "blue"));
    return http.post("/api/subscribers", body).data().path("id").asLong();
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void createdSubscriberHasFullListObjects() throws Exception {
    long id = create("ada@example.com", List.of(3L));

    Reply reply = http.get("/api/subscribers/" + id);

    assertThat(reply.data().path("lists").get(0).path("name").asText()).isEqualTo("Newsletter");
    assertThat(reply.data().path("lists").get(0).path("subscription_status").asText())
        .isEqualTo("confirmed");
    assertThat(listmonk.listMemberEmails(3)).containsExactly("ada@example.com");
  }

  @Test
  void duplicateEmailIs409() throws Exception {
    create("ada@example.com", List.of());

    Reply again = http.post("/api/subscribers", Map.of("email", "ADA@example.com", "name", "A"));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.message()).isEqualTo("E-mail already exists.");
  }

  @Test
  void missingSubscriberIs400NotFound() throws Exception {
    Reply reply = http.get("/api/subscribers/999");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).containsIgnoringCase("not found");
  }

  @Test
  void queryFindsByEmailWithEscapedQuotes() throws Exception {
    create("o'brien@example.com", List.of());
    create("ada@example.com", List.of());

    Reply reply =
        http.get("/api/subscribers?query=" + q("subscribers.email='o''brien@example.com'"));

    assertThat(reply.data().path("total").asInt()).isEqualTo(1);
    assertThat(reply.data().path("results").get(0).path("email").asText())
        .isEqualTo("o'brien@example.com");
  }

  @Test
  void unescapedQuoteInQueryIsAnErrorNotAMatchAll() throws Exception {
    create("ada@example.com", List.of());

    Reply reply = http.get("/api/subscribers?query=" + q("subscribers.email='x' OR '1'='1'"));

    assertThat(reply.status()).isEqualTo(400);
  }

  @Test
  void queryWithoutSqlPermissionIs403ButSearchWorks() throws Exception {
    Set<String> permissions = new HashSet<>(FakeListmonk.Options.allPermissions());
    permissions.remove("subscribers:sql_query");
    try (FakeListmonk limited =
        FakeListmonk.start(FakeListmonk.Options.builder().apiPermissions(permissions).build())) {
      ListmonkTestHttp api = ListmonkTestHttp.as(limited);
      api.post("/api/subscribers", Map.of("email", "ada@example.com", "name", "Ada"));

      Reply query = api.get("/api/subscribers?query=" + q("subscribers.email='ada@example.com'"));
      Reply search = api.get("/api/subscribers?search=" + q("ada@example.com"));

      assertThat(query.status()).isEqualTo(403);
      assertThat(query.message()).isEqualTo("permission denied: subscribers:sql_query");
      assertThat(search.data().path("total").asInt()).isEqualTo(1);
    }
  }

  @Test
  void perPageIsClampedTo50AndAllReturnsEverything() throws Exception {
    for (int i = 0; i < 60; i++) {
      create("p" + i + "@example.com", List.of(4L));
    }

    Reply clamped = http.get("/api/subscribers?per_page=100");
    Reply all = http.get("/api/subscribers?per_page=all&list_id=4");
    Reply second = http.get("/api/subscribers?per_page=50&page=2");

    assertThat(clamped.data().path("per_page").asInt()).isEqualTo(50);
    assertThat(clamped.data().path("results")).hasSize(50);
    assertThat(clamped.data().path("total").asInt()).isEqualTo(60);
    assertThat(all.data().path("per_page").asInt()).isZero();
    assertThat(all.data().path("results")).hasSize(60);
    assertThat(second.data().path("results")).hasSize(10);
    assertThat(http.get("/api/subscribers").data().path("results")).hasSize(20);
  }

  @Test
  void putIsAFullReplace() throws Exception {
    long id = create("ada@example.com", List.of(3L, 4L));

    http.put("/api/subscribers/" + id, Map.of("email", "ada@example.com", "name", "Ada"));

    Subscriber after = listmonk.subscriber("ada@example.com").orElseThrow();
    assertThat(after.subscriptions()).isEmpty();
    assertThat(after.attribs()).isEmpty();
    assertThat(after.name()).isEqualTo("Ada");
  }

  @Test
  void blocklistUnsubscribesFromEveryList() throws Exception {
    long id = create("ada@example.com", List.of(3L));

    assertThat(http.put("/api/subscribers/" + id + "/blocklist", null).status()).isEqualTo(200);

    assertThat(listmonk.isBlocklisted("ada@example.com")).isTrue();
    assertThat(listmonk.listMemberEmails(3)).isEmpty();
  }

  @Test
  void listActionsAddUnsubscribeAndRemove() throws Exception {
    long id = create("ada@example.com", List.of());
    Map<String, Object> add =
        Map.of(
            "ids",
            List.of(id),
            "action",
            "add",
            "target_list_ids",
            List.of(4),
            "status",
            "confirmed");

    http.put("/api/subscribers/lists", add);
    http.put("/api/subscribers/lists", add);
    assertThat(listmonk.subscriber("ada@example.com").orElseThrow().subscriptions())
        .containsEntry(4L, "confirmed");
    http.put(
        "/api/subscribers/lists",
        Map.of("ids", List.of(id), "action", "unsubscribe", "target_list_ids", List.of(4)));
    assertThat(listmonk.listMemberEmails(4)).isEmpty();
    http.put(
        "/api/subscribers/lists",
        Map.of("ids", List.of(id), "action", "remove", "target_list_ids", List.of(4)));
    assertThat(listmonk.subscriber("ada@example.com").orElseThrow().subscriptions()).isEmpty();
  }

  @Test
  void listActionsWithoutIdsOrListsAre400() throws Exception {
    Reply noIds =
        http.put("/api/subscribers/lists", Map.of("action", "add", "target_list_ids", List.of(3)));
    Reply noLists = http.put("/api/subscribers/lists", Map.of("action", "add", "ids", List.of(1)));

    assertThat(noIds.status()).isEqualTo(400);
    assertThat(noIds.message()).isEqualTo("No IDs given.");
    assertThat(noLists.message()).isEqualTo("No lists given.");
  }

  @Test
  void deleteErasesAndIsTrueEvenWhenAbsent() throws Exception {
    long id = create("ada@example.com", List.of());

    assertThat(http.delete("/api/subscribers/" + id).data().asBoolean()).isTrue();
    assertThat(listmonk.subscriber("ada@example.com")).isEmpty();
    assertThat(http.delete("/api/subscribers/" + id).status()).isEqualTo(200);
  }

  @Test
  void listsArePreCreatedAndCanBeAdded() throws Exception {
    Reply created =
        http.post("/api/lists", Map.of("name", "VIP", "type", "private", "optin", "single"));

    assertThat(created.data().path("id").asLong()).isEqualTo(5);
    assertThat(http.get("/api/lists").data().path("results"))
        .extracting(l -> l.path("name").asText())
        .containsExactly("Newsletter", "Beta", "VIP");
  }
}
