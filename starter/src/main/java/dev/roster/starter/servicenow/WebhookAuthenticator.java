package dev.roster.starter.servicenow;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.Secret;
import dev.roster.starter.servicenow.WebhookRejection.Kind;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook delivery comes from the ServiceNow instance. Thread-safe.
 *
 * <p><b>HMAC scheme v1</b> (what {@code deploy/servicenow/roster_webhook.js} produces with {@code
 * CertificateEncryption.generateMac}):
 *
 * <ul>
 *   <li>secret: standard base64 of at least 32 random bytes, the same text in the instance's {@code
 *       x_roster.webhook.secret} property and in Roster's configuration; the HMAC key is the
 *       decoded bytes (generateMac takes a base64 key);
 *   <li>{@code X-Roster-Timestamp}: Unix time in whole seconds, decimal ASCII digits;
 *   <li>signed bytes: UTF-8 of the timestamp, then {@code "."}, then the raw request body bytes as
 *       received;
 *   <li>{@code X-Roster-Signature}: {@code "v1="} + standard base64 (RFC 4648 §4, padded) of
 *       HMAC-SHA256(key, signed bytes).
 * </ul>
 *
 * A timestamp further than the tolerance (default 5 min) from now, in either direction, is refused,
 * which bounds replays to that window; duplicate deliveries inside it attach to the same workflow
 * id. Signatures are compared with {@link MessageDigest#isEqual}. With two keys configured (during
 * rotation) either verifies.
 *
 * <p><b>Basic</b>: {@code Authorization: Basic base64(user:password)}, compared in constant time.
 */
public final class WebhookAuthenticator {
  public static final String TIMESTAMP_HEADER = "X-Roster-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Roster-Signature";
  public static final String SCHEME_PREFIX = "v1=";

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,12}");

  /** Reads the first value of a request header by case-insensitive name; null when absent. */
  @FunctionalInterface
  public interface Headers {
    String first(String name);
  }

  private final WebhookAuthConfig config;
  private final List<byte[]> keys = new ArrayList<>();
  private final Clock clock;

  public WebhookAuthenticator(WebhookAuthConfig config, Clock clock) {
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
    for (Secret key : config.hmacKeys()) {
      keys.add(WebhookAuthConfig.decodeKey(key));
    }
  }

  /**
   * Accepts the delivery or throws.
   *
   * @param body the exact bytes received (as the HTTP service read them)
   * @throws WebhookRejection of kind UNAUTHENTICATED naming what is wrong (never a value)
   */
  public void authenticate(Headers headers, byte[] body) {
    requireNonNull(headers, "headers is null");
    requireNonNull(body, "body is null");
    if (config.mode() == WebhookAuthConfig.Mode.BASIC) {
      checkBasic(headers.first("Authorization"));
    } else {
      checkHmac(headers.first(TIMESTAMP_HEADER), headers.first(SIGNATURE_HEADER), body);
    }
  }

  private void checkHmac(String timestamp, String signature, byte[] body) {
    if (timestamp == null || timestamp.isBlank()) {
      throw refuse(TIMESTAMP_HEADER + ": required");
    }
    String ts = timestamp.trim();
    if (!DIGITS.matcher(ts).matches()) {
      throw refuse(TIMESTAMP_HEADER + ": must be Unix seconds");
    }
    Duration skew = Duration.between(Instant.ofEpochSecond(Long.parseLong(ts)), clock.instant());
    if (skew.compareTo(config.tolerance()) > 0) {
      throw refuse(TIMESTAMP_HEADER + ": too old");
    }
    if (skew.negated().compareTo(config.tolerance()) > 0) {
      throw refuse(TIMESTAMP_HEADER + ": in the future");
    }
    if (signature == null || !signature.trim().startsWith(SCHEME_PREFIX)) {
      throw refuse(SIGNATURE_HEADER + ": required, as v1=<base64>");
    }
    byte[] presented;
    try {
      presented = Base64.getDecoder().decode(signature.trim().substring(SCHEME_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw refuse(SIGNATURE_HEADER + ": not base64");
    }
    boolean match = false;
    for (byte[] key : keys) {
      // No early exit: the time taken does not depend on which key matched.
      match |= MessageDigest.isEqual(sign(key, ts, body), presented);
    }
    if (!match) {
      throw refuse(SIGNATURE_HEADER + ": does not match");
    }
  }

  private void checkBasic(String authorization) {
    String credentials = config.basicUser() + ":" + config.basicPassword().reveal();
    String expected =
        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    String presented = authorization == null ? "" : authorization.trim();
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
      throw refuse("Authorization: missing or wrong Basic credentials");
    }
  }

  /** HMAC-SHA256(key, UTF-8(timestamp + ".") || body). */
  static byte[] sign(byte[] key, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static WebhookRejection refuse(String error) {
    return new WebhookRejection(Kind.UNAUTHENTICATED, error);
  }
}
