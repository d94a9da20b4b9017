package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

/**
 * How to reach Temporal. An empty or null {@code address} means the embedded test server on {@code
 * 127.0.0.1:embeddedPort} (dev/demo only). {@code apiKey} may be null (no API key).
 */
public record TemporalConfig(
    String address, String namespace, int embeddedPort, TlsConfig tls, SecretRef apiKey) {
  public static final TemporalConfig DEFAULTS =
      new TemporalConfig("", "default", 7233, TlsConfig.DISABLED, null);

  public TemporalConfig {
    address = address == null ? "" : address;
    requireNonNull(namespace, "namespace is null");
    requireNonNull(tls, "tls is null");
  }

  /** True when no address is configured and Roster should start its own test server. */
  public boolean embedded() {
    return address.isBlank();
  }
}
