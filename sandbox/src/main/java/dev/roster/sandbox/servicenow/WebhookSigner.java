package dev.roster.sandbox.servicenow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Authenticates a webhook delivery the way {@code deploy/servicenow}'s business rule does, so tests
 * and the demo can play the instance's part.
 */
@FunctionalInterface
public interface WebhookSigner {

  /** The headers to send with exactly these body bytes at this instant. */
  Map<String, String> headers(byte[] body, Instant now);

  /**
   * HMAC-SHA256 signing, scheme {@code v1} (see {@link HmacWebhookSigner}).
   *
   * @param base64Key the shared secret as stored in the {@code x_roster.webhook.secret} property:
   *     standard base64 of the key bytes
   */
  static WebhookSigner hmac(String base64Key) {
    return new HmacWebhookSigner(base64Key);
  }

  /** HTTP Basic auth, for deployments configured for it instead of HMAC. */
  static WebhookSigner basic(String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return (body, now) -> Map.of("Authorization", "Basic " + token);
  }

  /** No authentication at all: for negative tests. */
  static WebhookSigner none() {
    return (body, now) -> Map.of();
  }
}
