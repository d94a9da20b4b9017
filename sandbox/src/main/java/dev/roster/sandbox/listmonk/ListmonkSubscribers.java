package dev.roster.sandbox.listmonk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Subscribers and their list subscriptions ({@code /api/subscribers/*}); all state under this
 * object's lock (cmd/subscribers.go, vendors.md §3). The listing and its queries are {@link
 * SubscriberQuery}; lists themselves live in {@link ListmonkLists}.
 */
final class ListmonkSubscribers {
  static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final Map<Long, SubscriberState> byId = new LinkedHashMap<>();

  /** Subscribers by lower-cased address, so 100,000-row imports stay linear. */
  private final Map<String, SubscriberState> byAddress = new java.util.HashMap<>();

  private final ListmonkLists lists;
  private final Supplier<Instant> clock;
  private long nextId = 1;

  ListmonkSubscribers(ListmonkLists lists, Supplier<Instant> clock) {
    this.lists = lists;
    this.clock = clock;
  }

  /** Every subscriber, oldest first; the caller holds this object's lock. */
  Collection<SubscriberState> all() {
    return byId.values();
  }

  synchronized FakeResponse get(FakeRequest request) {
    return ListmonkWire.ok(json(find(request.param("id"))));
  }

  synchronized FakeResponse create(FakeRequest request) {
    JsonNode body = ListmonkWire.body(request);
    String email = email(body);
    if (byEmail(email).isPresent()) {
      throw new ListmonkError(409, "E-mail already exists.");
    }
    SubscriberState s = new SubscriberState(nextId++, email, clock.get());
    apply(s, body);
    byId.put(s.id, s);
    index(s);
    return ListmonkWire.ok(json(s));
  }

  /** Full replace: omitted lists are unsubscribed from, omitted attribs are dropped. */
  synchronized FakeResponse update(FakeRequest request) {
    SubscriberState s = find(request.param("id"));
    JsonNode body = ListmonkWire.body(request);
    String email = email(body);
    Optional<SubscriberState> clash = byEmail(email);
    if (clash.isPresent() && clash.get().id != s.id) {
      throw new ListmonkError(409, "E-mail already exists.");
    }
    s.email = email;
    index(s);
    s.attribs.clear();
    Set<Long> keep = new TreeSet<>();
    body.path("lists").forEach(id -> keep.add(id.asLong()));
    s.subscriptions.keySet().retainAll(keep);
    apply(s, body);
    return ListmonkWire.ok(json(s));
  }

  synchronized FakeResponse delete(FakeRequest request) {
    // DELETE … WHERE id = ANY($1) affects no rows for an unknown id and still answers true.
    byId.remove(ListmonkWire.id(request.param("id")));
    return ListmonkWire.ok(true);
  }

  synchronized FakeResponse blocklist(FakeRequest request) {
    blocklist(find(request.param("id")));
    return ListmonkWire.ok(true);
  }

  /** PUT /api/subscribers/lists: add | remove | unsubscribe for many subscribers and lists. */
  synchronized FakeResponse manageLists(FakeRequest request) {
    JsonNode body = ListmonkWire.body(request);
    List<Long> ids = longs(body.path("ids"));
    List<Long> targets = longs(body.path("target_list_ids"));
    if (ids.isEmpty()) {
      throw ListmonkError.invalid("No IDs given.");
    }
    if (targets.isEmpty()) {
      throw ListmonkError.invalid("No lists given.");
    }
    String action = body.path("action").asText("");
    String status = body.path("status").asText("");
    if (!Set.of("add", "remove", "unsubscribe").contains(action)) {
      throw ListmonkError.invalid("Invalid action.");
    }
    if (action.equals("add") && !SubscriberState.SUBSCRIPTION_STATUSES.contains(status)) {
      throw ListmonkError.invalid("Invalid status.");
    }
    // ⚠ Real listmonk fails an unknown list id on the foreign key; the fake says so plainly.
    targets.forEach(lists::require);
    Instant now = clock.get();
    for (long id : ids) {
      SubscriberState s = byId.get(id);
      if (s == null) {
        continue; // the SQL joins on subscribers: unknown ids are skipped silently
      }
      for (long listId : targets) {
        switch (action) {
          case "add" -> s.subscribe(listId, s.isBlocklisted() ? "unsubscribed" : status, now);
          case "remove" -> s.subscriptions.remove(listId);
          default ->
              s.subscriptions.computeIfPresent(listId, (k, v) -> v.with("unsubscribed", now));
        }
      }
      s.updatedAt = now;
    }
    return ListmonkWire.ok(true);
  }

  /** Creates or updates one subscriber from an import row; returns false when the row is bad. */
  synchronized boolean importRow(
      String email, String name, Map<String, Object> attribs, ImportParams params) {
    if (!EMAIL.matcher(email).matches()) {
      return false;
    }
    Instant now = clock.get();
    SubscriberState s = byEmail(email).orElse(null);
    if (s == null) {
      s = new SubscriberState(nextId++, email, now);
      s.name = name.isBlank() ? localPart(email) : name;
      s.attribs.putAll(attribs);
      byId.put(s.id, s);
      index(s);
    } else if (params.overwriteUserinfo()) {
      s.name = name.isBlank() ? s.name : name;
      s.attribs.putAll(attribs);
    }
    if (params.blocklist()) {
      blocklist(s);
      return true;
    }
    for (long listId : params.lists()) {
      boolean overwrite =
          params.overwriteSubscriptionStatus() || !s.subscriptions.containsKey(listId);
      if (overwrite) {
        s.subscribe(listId, params.subscriptionStatus(), now);
      }
    }
    s.updatedAt = now;
    return true;
  }

  synchronized Optional<Subscriber> subscriber(String email) {
    return byEmail(email).map(SubscriberState::snapshot);
  }

  synchronized Set<String> listMemberEmails(long listId) {
    Set<String> out = new TreeSet<>();
    for (SubscriberState s : byId.values()) {
      SubscriberState.Subscription sub = s.subscriptions.get(listId);
      if (sub != null && !sub.status().equals("unsubscribed")) {
        out.add(s.email);
      }
    }
    return out;
  }

  /** Fields create and update share; update has already cleared what a full replace drops. */
  private void apply(SubscriberState s, JsonNode body) {
    String name = body.path("name").asText("").trim();
    s.name = name.isEmpty() ? localPart(s.email) : name;
    body.path("attribs")
        .fields()
        .forEachRemaining(
            e -> s.attribs.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class)));
    String status = body.path("status").asText("enabled");
    if (!status.equals("enabled") && !status.equals("blocklisted")) {
      throw ListmonkError.invalid("Invalid status.");
    }
    List<Long> listIds = longs(body.path("lists"));
    listIds.forEach(lists::require);
    boolean preconfirm = body.path("preconfirm_subscriptions").asBoolean(false);
    Instant now = clock.get();
    for (long listId : listIds) {
      if (!s.subscriptions.containsKey(listId)) {
        boolean confirmed = preconfirm || lists.isSingleOptin(listId);
        s.subscribe(listId, confirmed ? "confirmed" : "unconfirmed", now);
      }
    }
    s.updatedAt = now;
    if (status.equals("blocklisted")) {
      blocklist(s);
    } else {
      s.status = status;
    }
  }

  /** Blocklisting also unsubscribes from every list (queries.sql blocklist-subscribers). */
  private void blocklist(SubscriberState s) {
    Instant now = clock.get();
    s.status = "blocklisted";
    s.subscriptions.replaceAll((k, v) -> v.with("unsubscribed", now));
    s.updatedAt = now;
  }

  private SubscriberState find(String rawId) {
    SubscriberState s = byId.get(ListmonkWire.id(rawId));
    if (s == null) {
      // ⚠ 400, not 404 (vendors.md §3).
      throw ListmonkError.invalid("Subscriber not found.");
    }
    return s;
  }

  private Optional<SubscriberState> byEmail(String email) {
    // The address index is a hint (deletes and address changes leave stale keys): check it.
    SubscriberState s = byAddress.get(email.toLowerCase(java.util.Locale.ROOT));
    return s != null && byId.get(s.id) == s && s.email.equalsIgnoreCase(email)
        ? Optional.of(s)
        : Optional.empty();
  }

  private void index(SubscriberState s) {
    byAddress.put(s.email.toLowerCase(java.util.Locale.ROOT), s);
  }

  private static String email(JsonNode body) {
    String email = body.path("email").asText("").trim();
    if (!EMAIL.matcher(email).matches()) {
      throw ListmonkError.invalid("Invalid email.");
    }
    return email;
  }

  private static String localPart(String email) {
    return email.substring(0, email.indexOf('@'));
  }

  private static List<Long> longs(JsonNode array) {
    List<Long> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asLong()));
    return out;
  }

  ObjectNode json(SubscriberState s) {
    return s.json(lists);
  }
}
