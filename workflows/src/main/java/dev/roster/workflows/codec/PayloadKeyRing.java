package dev.roster.workflows.codec;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys payloads are encrypted with, by id: the active one encrypts, every one decrypts
 * (so a key can be rotated without downtime: add the new id everywhere, then make it active, and
 * drop the old id once no open history needs it). {@link #toString()} never shows a key.
 */
public final class PayloadKeyRing {
  /** Key ids travel in each payload's metadata; keep them short and plain. */
  public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** AES-256. */
  public static final int KEY_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String active;
  private final Map<String, SecretKey> keys;

  private PayloadKeyRing(String active, Map<String, SecretKey> keys) {
    this.active = active;
    this.keys = keys;
  }

  /**
   * A ring of {@code keys} (id to 32 raw bytes) whose {@code active} id encrypts.
   *
   * @throws IllegalArgumentException when the ring is empty, an id is malformed, a key is not 32
   *     bytes, or {@code active} is not one of the ids; the message names the id, never the key
   */
  public static PayloadKeyRing of(String active, Map<String, byte[]> keys) {
    requireNonNull(active, "active is null");
    requireNonNull(keys, "keys is null");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no payload keys");
    }
    Map<String, SecretKey> ring = new LinkedHashMap<>();
    keys.forEach(
        (id, bytes) -> {
          if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                "payload key id '" + id + "' must match " + KEY_ID.pattern());
          }
          if (bytes == null || bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                "payload key "
                    + id
                    + " must be "
                    + KEY_BYTES
                    + " bytes (AES-256), got "
                    + (bytes == null ? 0 : bytes.length));
          }
          ring.put(id, new SecretKeySpec(bytes.clone(), "AES"));
        });
    if (!ring.containsKey(active)) {
      throw new IllegalArgumentException(
          "the active payload key id '" + active + "' is not one of the keys " + ring.keySet());
    }
    return new PayloadKeyRing(active, Collections.unmodifiableMap(ring));
  }

  /** A fresh random key, base64, as {@code openssl rand -base64 32} would give. */
  public static String newKey() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** The id new payloads are encrypted with. */
  public String activeId() {
    return active;
  }

  SecretKey activeKey() {
    return keys.get(active);
  }

  /** The key of {@code id}, if the ring has it. */
  Optional<SecretKey> key(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  /** Every id the ring can decrypt, in configuration order. */
  public Set<String> ids() {
    return keys.keySet();
  }

  @Override
  public String toString() {
    return "PayloadKeyRing{active=" + active + ", ids=" + keys.keySet() + ", keys=[REDACTED]}";
  }
}
