package dev.roster.activities.http;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A credential. {@link #toString()} never reveals it, so a secret that ends up in a log line, an
 * exception message or a record's toString stays hidden. Call {@link #reveal()} only where the
 * value is handed to its consumer. The one Secret type of Roster: configuration resolves to it too.
 */
public final class Secret {
  private final String value;

  public Secret(String value) {
    requireNonNull(value, "value is null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("secret is blank");
    }
    this.value = value;
  }

  /** The credential itself, for the one place that puts it on the wire. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    // Constant-time comparison: equality checks on secrets should not leak timing.
    return other instanceof Secret that
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "[REDACTED]";
  }
}
