package dev.roster.activities.control;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash of a person's email: what workflow ids and search attributes carry instead of the
 * email. Keyed (HMAC-SHA256), so that nobody without the key can test a guessed address against it.
 */
public final class SubjectHasher {
  private final SecretKeySpec key;

  public SubjectHasher(byte[] key) {
    requireNonNull(key, "key is null");
    if (key.length < 16) {
      throw new IllegalArgumentException("subject key must be at least 16 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  /** {@code s-} and 24 hex digits (96 bits) of HMAC-SHA256 over the trimmed, lower-cased email. */
  public String subjectOf(String email) {
    requireNonNull(email, "email is null");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest =
          mac.doFinal(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return "s-" + HexFormat.of().formatHex(digest, 0, 12);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "SubjectHasher[key=REDACTED]";
  }
}
