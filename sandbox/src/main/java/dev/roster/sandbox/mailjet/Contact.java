package dev.roster.sandbox.mailjet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Snapshot of a Mailjet contact, for test assertions.
 *
 * @param email empty once the contact has been anonymised
 * @param properties contactdata values by property name
 */
public record Contact(
    long id,
    String email,
    String name,
    boolean excludedFromCampaigns,
    boolean anonymized,
    Map<String, Object> properties) {

  public Contact {
    // Keeps insertion order for readable assertion failures.
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }
}
