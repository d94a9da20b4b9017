package dev.roster.sandbox.listmonk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The {@code params} part of an import (cmd/import.go importSubscribers). */
record ImportParams(
    boolean blocklist,
    String delim,
    List<Long> lists,
    String subscriptionStatus,
    boolean overwriteUserinfo,
    boolean overwriteSubscriptionStatus) {

  static ImportParams parse(JsonNode node) {
    String mode = node.path("mode").asText("");
    if (!mode.equals("subscribe") && !mode.equals("blocklist")) {
      throw ListmonkError.invalid("Invalid mode.");
    }
    String delim = node.path("delim").asText(",");
    if (delim.length() != 1) {
      throw ListmonkError.invalid("Invalid delimiter.");
    }
    String status = node.path("subscription_status").asText("unconfirmed");
    if (!Set.of("unconfirmed", "confirmed", "unsubscribed").contains(status)) {
      throw ListmonkError.invalid("Invalid subscription status.");
    }
    List<Long> lists = new ArrayList<>();
    node.path("lists").forEach(id -> lists.add(id.asLong()));
    // overwrite (v2) is the older name of overwrite_userinfo; either turns it on.
    boolean overwriteUserinfo =
        node.path("overwrite_userinfo").asBoolean(node.path("overwrite").asBoolean(true));
    return new ImportParams(
        mode.equals("blocklist"),
        delim,
        List.copyOf(lists),
        status,
        overwriteUserinfo,
        node.path("overwrite_subscription_status").asBoolean(false));
  }
}
