package dev.roster.sandbox.brevo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Snapshot of a contact, for test assertions.
 *
 * @param listUnsubscribed lists the person unsubscribed from themselves
 */
public record Contact(
    long id,
    String email,
    Map<String, Object> attributes,
    Set<Long> listIds,
    Set<Long> listUnsubscribed,
    boolean emailBlacklisted) {

  public Contact {
    // Keeps insertion order for readable assertion failures.
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    listIds = Set.copyOf(listIds);
    listUnsubscribed = Set.copyOf(listUnsubscribed);
  }
}
