package dev.roster.activities.http;

import static java.util.Objects.requireNonNull;

/** A credential. {@link #toString()} never reveals it, so it cannot leak into logs by accident. */
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
  public String toString() {
    return "[REDACTED]";
  }
}
