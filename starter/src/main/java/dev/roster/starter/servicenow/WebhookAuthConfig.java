package dev.roster.starter.servicenow;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * How webhook deliveries authenticate: HMAC signature (scheme v1, see {@link WebhookAuthenticator})
 * or HTTP Basic. Validated at construction so a bad secret fails at startup.
 *
 * @param hmacKeys base64 secrets, current first; a second one lets the secret rotate without
 *     dropping deliveries. Empty in Basic mode.
 * @param tolerance how far a timestamp may be from now, either way (replay window)
 * @param maxBodyBytes larger bodies are refused with 413
 */
public record WebhookAuthConfig(
    Mode mode,
    List<Secret> hmacKeys,
    String basicUser,
    Secret basicPassword,
    Duration tolerance,
    int maxBodyBytes) {

  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  /** Below this many key bytes an HMAC secret is refused: 32 random bytes is what SETUP.md asks. */
  static final int MIN_KEY_BYTES = 32;

  public enum Mode {
    HMAC,
    BASIC
  }

  public WebhookAuthConfig {
    requireNonNull(mode, "mode is null");
    hmacKeys = List.copyOf(requireNonNull(hmacKeys, "hmacKeys is null"));
    requireNonNull(tolerance, "tolerance is null");
    if (tolerance.isNegative() || tolerance.isZero()) {
      throw new IllegalArgumentException("webhook timestamp tolerance must be positive");
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("webhook max body bytes must be positive");
    }
    if (mode == Mode.HMAC) {
      if (hmacKeys.isEmpty() || hmacKeys.size() > 2) {
        throw new IllegalArgumentException("webhook HMAC mode needs one or two secrets");
      }
      for (Secret key : hmacKeys) {
        decodeKey(key);
      }
    } else {
      if (basicUser == null || basicUser.isBlank() || basicUser.contains(":")) {
        throw new IllegalArgumentException("webhook Basic mode needs a user name without ':'");
      }
      requireNonNull(basicPassword, "webhook Basic mode needs a password");
    }
  }

  /** HMAC mode with the default tolerance and body limit. */
  public static WebhookAuthConfig hmac(Secret base64Key, Secret... previous) {
    List<Secret> keys = new ArrayList<>();
    keys.add(base64Key);
    keys.addAll(List.of(previous));
    return new WebhookAuthConfig(
        Mode.HMAC, keys, null, null, DEFAULT_TOLERANCE, DEFAULT_MAX_BODY_BYTES);
  }

  /** Basic mode with the default body limit. */
  public static WebhookAuthConfig basic(String user, Secret password) {
    return new WebhookAuthConfig(
        Mode.BASIC, List.of(), user, password, DEFAULT_TOLERANCE, DEFAULT_MAX_BODY_BYTES);
  }

  /** The key bytes of a base64 secret; fails (without echoing it) when it is not usable. */
  static byte[] decodeKey(Secret key) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(key.reveal().trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("webhook HMAC secret must be standard base64");
    }
    if (bytes.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "webhook HMAC secret must decode to at least " + MIN_KEY_BYTES + " bytes");
    }
    return bytes;
  }
}
