package dev.roster.sandbox.listmonk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import dev.roster.sandbox.listmonk.ListmonkWire.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/** Mailing lists ({@code /api/lists}); own lock, never calls out while holding it. */
final class ListmonkLists {
  private record ListState(
      long id,
      String uuid,
      String name,
      String type,
      String optin,
      String status,
      List<String> tags,
      String description,
      Instant createdAt) {}

  private final Map<Long, ListState> lists = new TreeMap<>();
  private final Supplier<Instant> clock;
  private long nextId = 3;

  ListmonkLists(Supplier<Instant> clock) {
    this.clock = clock;
    create("Newsletter", "public", "single", List.of(), "");
    create("Beta", "private", "double", List.of("beta"), "");
  }

  synchronized FakeResponse list(FakeRequest request) {
    Page page = Page.of(ListmonkWire.query(request));
    List<Long> ids = new ArrayList<>(lists.keySet());
    ArrayNode results = Json.MAPPER.createArrayNode();
    page.slice(ids).forEach(id -> results.add(json(id)));
    return ListmonkWire.ok(page.body(results, ids.size(), null, null));
  }

  synchronized FakeResponse create(FakeRequest request) {
    JsonNode body = ListmonkWire.body(request);
    String name = body.path("name").asText("").trim();
    if (name.isEmpty()) {
      throw ListmonkError.invalid("Invalid name.");
    }
    String type = body.path("type").asText("private");
    String optin = body.path("optin").asText("single");
    if (!Set.of("public", "private").contains(type)
        || !Set.of("single", "double").contains(optin)) {
      throw ListmonkError.invalid("Invalid list options.");
    }
    List<String> tags = new ArrayList<>();
    body.path("tags").forEach(t -> tags.add(t.asText()));
    long id = create(name, type, optin, tags, body.path("description").asText(""));
    return ListmonkWire.ok(json(id));
  }

  synchronized long create(
      String name, String type, String optin, List<String> tags, String description) {
    long id = nextId++;
    lists.put(
        id,
        new ListState(
            id,
            UUID.randomUUID().toString(),
            name,
            type,
            optin,
            "active",
            List.copyOf(tags),
            description,
            clock.get()));
    return id;
  }

  /** Throws the 400 the fake gives for an unknown list id. */
  synchronized void require(long listId) {
    if (!lists.containsKey(listId)) {
      throw ListmonkError.invalid("List not found: " + listId);
    }
  }

  synchronized boolean isSingleOptin(long listId) {
    ListState l = lists.get(listId);
    return l != null && l.optin().equals("single");
  }

  synchronized Map<Long, String> names() {
    Map<Long, String> out = new TreeMap<>();
    lists.forEach((id, l) -> out.put(id, l.name()));
    return out;
  }

  /** The list object (models/lists.go), or null for an unknown id. */
  synchronized ObjectNode json(long listId) {
    ListState l = lists.get(listId);
    if (l == null) {
      return null;
    }
    ObjectNode node = Json.object();
    node.put("id", l.id());
    node.put("uuid", l.uuid());
    node.put("name", l.name());
    node.put("type", l.type());
    node.put("optin", l.optin());
    node.put("status", l.status());
    node.set("tags", Json.MAPPER.valueToTree(l.tags()));
    node.put("description", l.description());
    node.put("created_at", l.createdAt().toString());
    node.put("updated_at", l.createdAt().toString());
    return node;
  }
}
