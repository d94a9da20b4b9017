package dev.roster.starter.local;

import dev.roster.activities.http.Secret;
import dev.roster.worker.config.ConfigException;
import dev.roster.worker.config.PayloadKeysConfig;
import dev.roster.worker.config.TemporalConfig;
import dev.roster.workflows.codec.PayloadKeyRing;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The payload keys of {@code roster dev} and {@code roster demo}: the configured ring when there is
 * one; else, on the embedded server only, an ephemeral key made at start (its histories live in
 * memory and die with it). A configured cluster without a ring is refused, as for every role.
 *
 * @param ring the ring to encrypt with
 * @param ephemeral the ephemeral key (base64) when one was made, to record for the CLI
 */
public record LocalPayloadKeys(PayloadKeyRing ring, Optional<Secret> ephemeral) {
  /** The id of an ephemeral key. */
  public static final String EPHEMERAL_ID = "ephemeral";

  static LocalPayloadKeys settle(TemporalConfig temporal, Map<String, String> env) {
    if (temporal.payloadKeys().isPresent() || !temporal.embedded()) {
      return new LocalPayloadKeys(PayloadKeysConfig.required(temporal, env), Optional.empty());
    }
    Secret key = new Secret(PayloadKeyRing.newKey());
    return new LocalPayloadKeys(ring(key), Optional.of(key));
  }

  /**
   * The ring of an ephemeral key recorded by {@code roster dev} (base64).
   *
   * @throws ConfigException when the recorded key is unusable
   */
  public static PayloadKeyRing ring(Secret key) {
    try {
      return PayloadKeyRing.of(
          EPHEMERAL_ID, Map.of(EPHEMERAL_ID, Base64.getDecoder().decode(key.reveal())));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("roster dev record", "payloadKey: not a 32-byte key in base64");
    }
  }

  /** For the banner: which key encrypts, never the key. */
  String describe() {
    return ephemeral.isPresent()
        ? "encrypted (AES-256-GCM) with an EPHEMERAL key made for this run (no"
            + " temporal.payloadKeys); histories are readable only while it runs"
        : "encrypted (AES-256-GCM) with key " + ring.activeId() + " of temporal.payloadKeys";
  }
}
