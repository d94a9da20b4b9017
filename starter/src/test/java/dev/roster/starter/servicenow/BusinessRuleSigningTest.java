package dev.roster.starter.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.roster.activities.http.Secret;
import dev.roster.sandbox.servicenow.FakeServiceNow;
import dev.roster.sandbox.servicenow.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Re-implements, step by step, what deploy/servicenow/RosterWebhook.script_include.js does, and
 * checks that WebhookAuthenticator accepts it. If either side changes, this fails.
 */
class BusinessRuleSigningTest {
  /** The SETUP.md test vector. */
  private static final String VECTOR_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  private static final String VECTOR_BODY = "{\"event\":\"onboard\",\"number\":\"RITM0010001\"}";
  private static final String VECTOR_SIGNATURE = "/B7V+8l+rYKpbdSFrpYrPBYyALN1hJ9FWhCWTjsurLg=";

  /** RosterWebhook.asciiJson: chars above 0x7E become backslash-u escapes, lower-case hex. */
  static String asciiJson(String json) {
    Matcher m = Pattern.compile("[\\u007f-\\uffff]").matcher(json);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String hex = String.format("%04x", (int) m.group().charAt(0));
      m.appendReplacement(out, Matcher.quoteReplacement("\\u" + hex));
    }
    return m.appendTail(out).toString();
  }

  /** CertificateEncryption.generateMac(base64Key, "HmacSHA256", data): base64 out. */
  static String generateMac(String base64Key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }

  /** RosterWebhook.post: the two headers for a body at an instant. */
  static Map<String, String> scriptHeaders(String key, String body, Instant now) throws Exception {
    String timestamp = "" + Math.floorDiv(now.toEpochMilli(), 1000);
    return Map.of(
        "X-Roster-Timestamp",
        timestamp,
        "X-Roster-Signature",
        "v1=" + generateMac(key, timestamp + "." + body));
  }

  @Test
  void setupGuideTestVectorHolds() throws Exception {
    assertThat(generateMac(VECTOR_KEY, "1767603600." + VECTOR_BODY)).isEqualTo(VECTOR_SIGNATURE);
  }

  @Test
  void scriptSignedEventWithNonAsciiVariablesIsAcceptedAndParsed() throws Exception {
    Instant now = Instant.parse("2026-01-05T09:00:00.750Z");
    String body =
        asciiJson(
            "{\"event\":\"onboard\",\"table\":\"sc_req_item\",\"sys_id\":\""
                + WebhookEventParserTest.SYS_ID
                + "\",\"number\":\"RITM0010001\",\"sys_updated_on\":\"2026-01-05 09:00:00\","
                + "\"variables\":{\"email\":\"zoë@example.com\",\"first_name\":\"Zoë 😀\"},"
                + "\"requested_by\":\"abel.tuter\",\"approval\":{\"state\":\"requested\"}}");
    byte[] wire = body.getBytes(StandardCharsets.UTF_8);
    WebhookAuthenticator authenticator =
        new WebhookAuthenticator(
            WebhookAuthConfig.hmac(new Secret(VECTOR_KEY)), Clock.fixed(now, ZoneOffset.UTC));

    authenticator.authenticate(
        WebhookAuthenticatorTest.headers(scriptHeaders(VECTOR_KEY, body, now)), wire);
    WebhookEvent event = new WebhookEventParser(64 * 1024).parse(wire);

    assertThat(body).contains("zo\\u00eb").doesNotContain("ë");
    assertThat(event.variables()).containsEntry("first_name", "Zoë 😀");
  }

  @Test
  void sandboxInstanceSignsExactlyAsTheScript() throws Exception {
    Instant now = Instant.parse("2026-01-05T09:00:00Z");
    try (FakeServiceNow sn =
        FakeServiceNow.start(FakeServiceNow.Options.builder().clock(() -> now).build())) {
      String ritm =
          sn.createRitm(
              "RITM0010001", Map.of("email", "ada@example.com", "vendor_accounts", "a"), "abel");
      byte[] body = sn.webhookBody("onboard", "sc_req_item", ritm);
      String text = new String(body, StandardCharsets.UTF_8);
      WebhookAuthenticator authenticator =
          new WebhookAuthenticator(
              WebhookAuthConfig.hmac(new Secret(VECTOR_KEY)), Clock.fixed(now, ZoneOffset.UTC));

      assertThat(WebhookSigner.hmac(VECTOR_KEY).headers(body, now))
          .isEqualTo(scriptHeaders(VECTOR_KEY, text, now));
      assertThatCode(
              () ->
                  authenticator.authenticate(
                      WebhookAuthenticatorTest.headers(
                          WebhookSigner.hmac(VECTOR_KEY).headers(body, now)),
                      body))
          .doesNotThrowAnyException();
      assertThat(new WebhookEventParser(64 * 1024).parse(body).number()).isEqualTo("RITM0010001");
    }
  }
}
