package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.Secret;
import dev.roster.workflows.codec.PayloadKeyRing;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code temporal.payloadKeys}: the key ring that encrypts Temporal payloads, by reference ({@code
 * {active: k2, keys: {k1: {env: ...}, k2: {file: ...}}}}). The active id encrypts; every id
 * decrypts.
 */
public record PayloadKeysConfig(String active, Map<String, SecretRef> keys) {
  /** The key path, named by every message about the ring. */
  public static final String AT = "temporal.payloadKeys";

  public PayloadKeysConfig {
    requireNonNull(active, "active is null");
    keys = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(keys, "keys is null")));
  }

  /**
   * Reads every key. Call at start-up: a file is read once, so a rotation is a restart.
   *
   * @throws ConfigException naming {@code temporal.payloadKeys.keys.<id>} when a key does not
   *     resolve, is not base64, or is not 32 bytes
   */
  public PayloadKeyRing resolve(Map<String, String> env) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    keys.forEach((id, ref) -> bytes.put(id, decode(id, ref, env)));
    try {
      return PayloadKeyRing.of(active, bytes);
    } catch (IllegalArgumentException e) { // the binder checked ids and the active id already
      throw new ConfigException("temporal", AT + ": " + e.getMessage());
    }
  }

  /**
   * The ring of {@code config}, required: a deployed role or a command against a configured cluster
   * must not write personal data in clear.
   *
   * @throws ConfigException naming {@code temporal.payloadKeys} when it is not configured
   */
  public static PayloadKeyRing required(TemporalConfig config, Map<String, String> env) {
    Optional<PayloadKeysConfig> keys = config.payloadKeys();
    if (keys.isEmpty()) {
      throw new ConfigException(
          "temporal",
          AT
              + ": required to encrypt Temporal payloads (deployed roles and commands against"
              + " a configured cluster), e.g. {active: k1, keys: {k1: {env: ROSTER_PAYLOAD_KEY_K1}}}"
              + " with 32 random bytes in base64 (openssl rand -base64 32)");
    }
    return keys.get().resolve(env);
  }

  private static byte[] decode(String id, SecretRef ref, Map<String, String> env) {
    String at = AT + ".keys." + id;
    Secret secret =
        ref.resolve(env)
            .orElseThrow(() -> new ConfigException("temporal", at + ": " + ref.absence()));
    byte[] key;
    try {
      key = Base64.getDecoder().decode(secret.reveal().strip());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "temporal", at + ": expected 32 bytes in base64 (openssl rand -base64 32), not base64");
    }
    if (key.length != PayloadKeyRing.KEY_BYTES) {
      throw new ConfigException(
          "temporal",
          at
              + ": expected 32 bytes in base64 (openssl rand -base64 32), got "
              + key.length
              + " bytes");
    }
    return key;
  }
}
