package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * How to reach Temporal. An empty or null {@code address} means the embedded test server on {@code
 * 127.0.0.1:embeddedPort} (dev/demo only). {@code apiKey} may be null (no API key). {@code
 * payloadKeys} is empty when none is configured (only dev and demo on the embedded server then run,
 * with an ephemeral key).
 */
public record TemporalConfig(
    String address,
    String namespace,
    int embeddedPort,
    TlsConfig tls,
    SecretRef apiKey,
    Optional<PayloadKeysConfig> payloadKeys) {
  public static final TemporalConfig DEFAULTS =
      new TemporalConfig("", "default", 7233, TlsConfig.DISABLED, null, Optional.empty());

  public TemporalConfig {
    address = address == null ? "" : address;
    requireNonNull(namespace, "namespace is null");
    requireNonNull(tls, "tls is null");
    requireNonNull(payloadKeys, "payloadKeys is null");
  }

  /** True when no address is configured and Roster should start its own test server. */
  public boolean embedded() {
    return address.isBlank();
  }

  /**
   * This configuration with Temporal at {@code address} in {@code namespace}, without TLS or key.
   */
  public TemporalConfig at(String address, String namespace) {
    return new TemporalConfig(
        address, namespace, embeddedPort, TlsConfig.DISABLED, null, payloadKeys);
  }

  /** This configuration with the embedded server on {@code port}. */
  public TemporalConfig withEmbeddedPort(int port) {
    return new TemporalConfig(address, namespace, port, tls, apiKey, payloadKeys);
  }
}
