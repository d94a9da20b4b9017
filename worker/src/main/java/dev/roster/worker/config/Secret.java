package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A resolved credential. It never prints its value: {@link #toString()} returns {@code [REDACTED]},
 * so a secret that ends up in a log line, an exception message or a record's toString stays hidden.
 * Call {@link #value()} only where the value is handed to its consumer.
 */
public final class Secret {
  private final String value;

  public Secret(String value) {
    this.value = requireNonNull(value, "value is null");
  }

  /** The secret itself. */
  public String value() {
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
