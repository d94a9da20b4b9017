package dev.roster.sandbox.listmonk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Snapshot of a listmonk subscriber, for test assertions.
 *
 * @param status {@code enabled} or {@code blocklisted}
 * @param subscriptions list id to subscription status ({@code unconfirmed}, {@code confirmed},
 *     {@code unsubscribed})
 */
public record Subscriber(
    long id,
    String email,
    String name,
    Map<String, Object> attribs,
    String status,
    Map<Long, String> subscriptions) {

  public Subscriber {
    attribs = Collections.unmodifiableMap(new LinkedHashMap<>(attribs));
    subscriptions = Collections.unmodifiableMap(new LinkedHashMap<>(subscriptions));
  }

  public boolean isBlocklisted() {
    return "blocklisted".equals(status);
  }
}
