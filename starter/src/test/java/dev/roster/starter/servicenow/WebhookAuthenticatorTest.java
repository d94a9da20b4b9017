package dev.roster.starter.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.activities.http.Secret;
import dev.roster.sandbox.servicenow.WebhookSigner;
import dev.roster.starter.servicenow.WebhookRejection.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WebhookAuthenticatorTest {
  static final String KEY = Base64.getEncoder().encodeToString(bytes(32, 7));
  static final String OLD_KEY = Base64.getEncoder().encodeToString(bytes(32, 9));
  static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
  private static final byte[] BODY = "{\"event\":\"onboard\"}".getBytes(StandardCharsets.UTF_8);

  private final WebhookAuthenticator hmac =
      new WebhookAuthenticator(
          WebhookAuthConfig.hmac(new Secret(KEY)), Clock.fixed(NOW, ZoneOffset.UTC));

  static WebhookAuthenticator.Headers headers(Map<String, String> values) {
    Map<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    ci.putAll(values);
    return ci::get;
  }

  private static Map<String, String> signed(String key, Instant at, byte[] body) {
    return WebhookSigner.hmac(key).headers(body, at);
  }

  @Test
  void validSignatureIsAccepted() {
    assertThatCode(() -> hmac.authenticate(headers(signed(KEY, NOW, BODY)), BODY))
        .doesNotThrowAnyException();
  }

  @Test
  void signatureOverADifferentBodyIsRefused() {
    byte[] tampered = "{\"event\":\"offboard\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> hmac.authenticate(headers(signed(KEY, NOW, BODY)), tampered))
        .isInstanceOfSatisfying(
            WebhookRejection.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNAUTHENTICATED);
              assertThat(e.httpStatus()).isEqualTo(401);
              assertThat(e.errors()).containsExactly("X-Roster-Signature: does not match");
            });
  }

  @Test
  void wrongKeyIsRefused() {
    assertThatThrownBy(() -> hmac.authenticate(headers(signed(OLD_KEY, NOW, BODY)), BODY))
        .isInstanceOf(WebhookRejection.class);
  }

  @Test
  void staleTimestampIsRefusedEvenWithAValidSignature() {
    Map<String, String> old = signed(KEY, NOW.minus(Duration.ofMinutes(5)).minusSeconds(1), BODY);

    assertThatThrownBy(() -> hmac.authenticate(headers(old), BODY))
        .isInstanceOfSatisfying(
            WebhookRejection.class,
            e -> assertThat(e.errors()).containsExactly("X-Roster-Timestamp: too old"));
  }

  @Test
  void futureTimestampIsRefused() {
    Map<String, String> future = signed(KEY, NOW.plus(Duration.ofMinutes(6)), BODY);

    assertThatThrownBy(() -> hmac.authenticate(headers(future), BODY))
        .isInstanceOfSatisfying(
            WebhookRejection.class,
            e -> assertThat(e.errors()).containsExactly("X-Roster-Timestamp: in the future"));
  }

  @Test
  void timestampWithinToleranceIsAccepted() {
    Map<String, String> recent = signed(KEY, NOW.minus(Duration.ofMinutes(4)), BODY);

    assertThatCode(() -> hmac.authenticate(headers(recent), BODY)).doesNotThrowAnyException();
  }

  @Test
  void missingOrMalformedHeadersAreRefused() {
    assertThatThrownBy(() -> hmac.authenticate(headers(Map.of()), BODY))
        .hasMessageContaining("X-Roster-Timestamp: required");
    Map<String, String> noScheme =
        Map.of(
            "X-Roster-Timestamp", Long.toString(NOW.getEpochSecond()), "X-Roster-Signature", "abc");
    assertThatThrownBy(() -> hmac.authenticate(headers(noScheme), BODY))
        .hasMessageContaining("X-Roster-Signature: required");
    Map<String, String> notDigits = Map.of("X-Roster-Timestamp", "2026-01-05T09:00:00Z");
    assertThatThrownBy(() -> hmac.authenticate(headers(notDigits), BODY))
        .hasMessageContaining("must be Unix seconds");
  }

  @Test
  void previousKeyStillVerifiesDuringRotation() {
    WebhookAuthenticator rotating =
        new WebhookAuthenticator(
            WebhookAuthConfig.hmac(new Secret(KEY), new Secret(OLD_KEY)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatCode(() -> rotating.authenticate(headers(signed(OLD_KEY, NOW, BODY)), BODY))
        .doesNotThrowAnyException();
  }

  @Test
  void basicModeChecksUserAndPassword() {
    WebhookAuthenticator basic =
        new WebhookAuthenticator(
            WebhookAuthConfig.basic("servicenow", new Secret("s3cret")),
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatCode(
            () ->
                basic.authenticate(
                    headers(WebhookSigner.basic("servicenow", "s3cret").headers(BODY, NOW)), BODY))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                basic.authenticate(
                    headers(WebhookSigner.basic("servicenow", "nope").headers(BODY, NOW)), BODY))
        .isInstanceOf(WebhookRejection.class)
        .hasMessageNotContaining("nope");
    assertThatThrownBy(() -> basic.authenticate(headers(Map.of()), BODY))
        .isInstanceOf(WebhookRejection.class);
  }

  @Test
  void shortOrNonBase64SecretsFailAtStartupWithoutEchoingThem() {
    String shortKey = Base64.getEncoder().encodeToString(bytes(16, 1));

    assertThatThrownBy(() -> WebhookAuthConfig.hmac(new Secret(shortKey)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(shortKey);
    assertThatThrownBy(() -> WebhookAuthConfig.hmac(new Secret("not base64 !!")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("not base64 !!");
  }

  static byte[] bytes(int n, int seed) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) (i * seed + 1);
    }
    return out;
  }
}
