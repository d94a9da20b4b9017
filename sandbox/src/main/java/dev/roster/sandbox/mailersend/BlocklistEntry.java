package dev.roster.sandbox.mailersend;

import java.time.Instant;

/**
 * Snapshot of a blocklist entry.
 *
 * @param type {@code exact} (an address) or {@code pattern} (a regular expression), as in the Java
 *     SDK's fixture {@code RecpientsSuppressionListsTest_TestAddToSuppressionList().json}
 * @param domainId the domain it applies to, or null for the whole account
 */
public record BlocklistEntry(
    String id, String type, String pattern, String domainId, Instant createdAt) {

  /** Whether this entry stops mail to the address (exact match ignores case). */
  public boolean matches(String email) {
    if ("exact".equals(type)) {
      return pattern.equalsIgnoreCase(email.trim());
    }
    try {
      return email.trim().matches(pattern);
    } catch (RuntimeException badPattern) {
      return false;
    }
  }
}
