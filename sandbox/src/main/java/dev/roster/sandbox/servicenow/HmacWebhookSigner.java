package dev.roster.sandbox.servicenow;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing scheme {@code v1}, byte-for-byte what {@code deploy/servicenow/roster_webhook.js} does
 * with {@code CertificateEncryption.generateMac(key, "HmacSHA256", data)}:
 *
 * <ol>
 *   <li>key bytes = base64-decode(the configured secret) (generateMac takes a base64 key);
 *   <li>{@code X-Roster-Timestamp} = Unix time in whole seconds, decimal ASCII;
 *   <li>data = timestamp + "." + body, as UTF-8 (the body is pure ASCII: the rule escapes every
 *       non-ASCII character as {@code \\uXXXX});
 *   <li>{@code X-Roster-Signature} = "v1=" + standard base64 (with padding) of HMAC-SHA256(key,
 *       data), which is generateMac's output.
 * </ol>
 */
public final class HmacWebhookSigner implements WebhookSigner {
  public static final String TIMESTAMP_HEADER = "X-Roster-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Roster-Signature";

  private final byte[] key;

  public HmacWebhookSigner(String base64Key) {
    Objects.requireNonNull(base64Key, "base64Key is null");
    this.key = Base64.getDecoder().decode(base64Key.trim());
  }

  @Override
  public Map<String, String> headers(byte[] body, Instant now) {
    String timestamp = Long.toString(now.getEpochSecond());
    return Map.of(TIMESTAMP_HEADER, timestamp, SIGNATURE_HEADER, "v1=" + sign(timestamp, body));
  }

  /** base64(HMAC-SHA256(key, timestamp + "." + body)). */
  public String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
