package dev.roster.sandbox.listmonk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** One subscriber's mutable state; guarded by {@link ListmonkSubscribers}' lock. */
final class SubscriberState {
  static final Set<String> SUBSCRIPTION_STATUSES =
      Set.of("unconfirmed", "confirmed", "unsubscribed");

  /** One row of subscriber_lists. */
  record Subscription(String status, Instant createdAt, Instant updatedAt) {
    Subscription with(String newStatus, Instant now) {
      return new Subscription(newStatus, createdAt, now);
    }
  }

  final long id;
  final String uuid = UUID.randomUUID().toString();
  final Instant createdAt;
  String email;
  String name;
  String status = "enabled";
  Instant updatedAt;
  final Map<String, Object> attribs = new LinkedHashMap<>();
  final Map<Long, Subscription> subscriptions = new TreeMap<>();

  SubscriberState(long id, String email, Instant now) {
    this.id = id;
    this.email = email;
    this.createdAt = now;
    this.updatedAt = now;
  }

  boolean isBlocklisted() {
    return "blocklisted".equals(status);
  }

  void subscribe(long listId, String subscriptionStatus, Instant now) {
    Subscription old = subscriptions.get(listId);
    subscriptions.put(
        listId,
        old == null
            ? new Subscription(subscriptionStatus, now, now)
            : old.with(subscriptionStatus, now));
  }

  Subscriber snapshot() {
    Map<Long, String> subs = new LinkedHashMap<>();
    subscriptions.forEach((k, v) -> subs.put(k, v.status()));
    return new Subscriber(id, email, name, attribs, status, subs);
  }

  /** The subscriber as the API returns it: full list objects, not ids (vendors.md §3 ⚠). */
  ObjectNode json(ListmonkLists lists) {
    ObjectNode node = Json.object();
    node.put("id", id);
    node.put("created_at", createdAt.toString());
    node.put("updated_at", updatedAt.toString());
    node.put("uuid", uuid);
    node.put("email", email);
    node.put("name", name);
    node.set("attribs", Json.MAPPER.valueToTree(attribs));
    node.put("status", status);
    ArrayNode listNodes = node.putArray("lists");
    subscriptions.forEach(
        (listId, sub) -> {
          ObjectNode list = lists.json(listId);
          if (list == null) {
            return;
          }
          list.put("subscription_status", sub.status());
          list.put("subscription_created_at", sub.createdAt().toString());
          list.put("subscription_updated_at", sub.updatedAt().toString());
          list.putObject("subscription_meta");
          listNodes.add(list);
        });
    return node;
  }
}
