package dev.roster.sandbox.brevo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Snapshot of a contact, for test assertions. */
public record Contact(
    long id,
    String email,
    Map<String, Object> attributes,
    Set<Long> listIds,
    boolean emailBlacklisted) {

  public Contact {
    // Keeps insertion order for readable assertion failures.
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    listIds = Set.copyOf(listIds);
  }
}
