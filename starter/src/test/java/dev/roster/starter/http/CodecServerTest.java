package dev.roster.starter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.roster.workflows.codec.EncryptingPayloadCodec;
import dev.roster.workflows.codec.PayloadKeyRing;
import dev.roster.workflows.request.Person;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The codec server over real HTTP, as {@code roster serve} wires it (HttpModule with {@code
 * http.codec}, the payload codec of TemporalModule): Temporal's remote codec protocol, bearer
 * tokens, CORS for the configured Web UI origin only, limits.
 */
class CodecServerTest {
  private static final String TOKEN = "codec-token-for-the-cli-0123456789";
  private static final String UI = "https://temporal-ui.example.com";
  private static final PayloadKeyRing RING =
      PayloadKeyRing.of("k1", Map.of("k1", Base64.getDecoder().decode(PayloadKeyRing.newKey())));
  private static final DataConverter PLAIN = DefaultDataConverter.newDefaultInstance();
  private static final Person ADA = new Person("ada.lovelace@example.com", "Ada", "Lovelace");

  private static ServedCodec served;

  @BeforeAll
  static void serve() {
    served =
        ServedCodec.start(
            String.join(
                "\n",
                "temporal: {address: \"127.0.0.1:1\"}",
                "http:",
                "  port: 0",
                "  codec:",
                "    origins: [\"" + UI + "\"]",
                "    tokens: {cli: {env: CODEC_TOKEN}}",
                "    maxBody: 4096",
                ""),
            Map.of("CODEC_TOKEN", TOKEN),
            RING);
  }

  @AfterAll
  static void stop() {
    served.close();
  }

  private static String body(Payload... payloads) throws IOException {
    return JsonFormat.printer().print(Payloads.newBuilder().addAllPayloads(List.of(payloads)));
  }

  private static List<Payload> payloads(String json) throws IOException {
    Payloads.Builder out = Payloads.newBuilder();
    JsonFormat.parser().merge(json, out);
    return out.getPayloadsList();
  }

  private static RawHttp.Response post(String path, Map<String, String> headers, String body)
      throws IOException {
    return RawHttp.send(
        served.port(), "POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> authorized() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + TOKEN);
    headers.put("Content-Type", "application/json");
    headers.put("X-Namespace", "default");
    return headers;
  }

  @Test
  void encodeThenDecodeGivesBackTheOriginalPayload() throws IOException {
    Payload original = PLAIN.toPayload(ADA).orElseThrow();

    RawHttp.Response encoded = post("/codec/encode", authorized(), body(original));

    assertThat(encoded.status()).as(encoded.body()).isEqualTo(200);
    assertThat(encoded.body()).doesNotContain("ada.lovelace");
    Payload sealed = payloads(encoded.body()).get(0);
    assertThat(sealed.getMetadataMap().get("encoding").toStringUtf8())
        .isEqualTo(EncryptingPayloadCodec.ENCODING);
    // Metadata values travel as base64 (proto3 JSON), as the Web UI and the CLI expect.
    assertThat(encoded.body())
        .contains(Base64.getEncoder().encodeToString("binary/encrypted".getBytes()));

    RawHttp.Response decoded = post("/codec/decode", authorized(), body(sealed));

    assertThat(decoded.status()).as(decoded.body()).isEqualTo(200);
    assertThat(payloads(decoded.body())).containsExactly(original);
  }

  @Test
  void decodeOpensWhatTheProcessCodecWrote() throws IOException {
    Payload written =
        new EncryptingPayloadCodec(RING).encode(List.of(PLAIN.toPayload(ADA).get())).get(0);

    RawHttp.Response decoded = post("/codec/decode", authorized(), body(written));

    assertThat(decoded.status()).isEqualTo(200);
    Payload opened = payloads(decoded.body()).get(0);
    assertThat(opened.getData().toStringUtf8()).contains("ada.lovelace@example.com");
  }

  @Test
  void aMissingOrWrongTokenIs401() throws IOException {
    Map<String, String> none = authorized();
    none.remove("Authorization");
    Map<String, String> wrong = authorized();
    wrong.put("Authorization", "Bearer not-the-token");

    RawHttp.Response missing = post("/codec/decode", none, body());
    RawHttp.Response refused = post("/codec/decode", wrong, body());

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.headers()).containsEntry("www-authenticate", "Bearer");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body()).doesNotContain("ada");
  }

  @Test
  void theConfiguredOriginGetsCorsWithCredentialsAndAnotherGetsNone() throws IOException {
    Map<String, String> fromUi = authorized();
    fromUi.put("Origin", UI);
    Map<String, String> fromElsewhere = authorized();
    fromElsewhere.put("Origin", "https://evil.example.net");

    RawHttp.Response ui = post("/codec/decode", fromUi, body());
    RawHttp.Response elsewhere = post("/codec/decode", fromElsewhere, body());

    assertThat(ui.headers())
        .containsEntry("access-control-allow-origin", UI)
        .containsEntry("access-control-allow-credentials", "true");
    assertThat(elsewhere.headers().keySet()).noneMatch(h -> h.startsWith("access-control-"));
  }

  @Test
  void aPreflightFromTheUiIsAnsweredAndFromElsewhereRefused() throws IOException {
    Map<String, String> preflight = new LinkedHashMap<>();
    preflight.put("Origin", UI);
    preflight.put("Access-Control-Request-Method", "POST");
    preflight.put("Access-Control-Request-Headers", "authorization, content-type, x-namespace");
    Map<String, String> other = new LinkedHashMap<>(preflight);
    other.put("Origin", "https://evil.example.net");

    RawHttp.Response answered =
        RawHttp.send(served.port(), "OPTIONS", "/codec/decode", preflight, new byte[0]);
    RawHttp.Response refused =
        RawHttp.send(served.port(), "OPTIONS", "/codec/decode", other, new byte[0]);

    assertThat(answered.status()).isEqualTo(204);
    assertThat(answered.headers())
        .containsEntry("access-control-allow-origin", UI)
        .containsEntry("access-control-allow-credentials", "true");
    assertThat(answered.headers().get("access-control-allow-headers"))
        .contains("Authorization", "Content-Type", "X-Namespace");
    assertThat(answered.headers().get("access-control-allow-methods")).contains("POST");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.headers().keySet()).noneMatch(h -> h.startsWith("access-control-"));
  }

  @Test
  void aBodyAboveTheLimitIs413() throws IOException {
    Payload big = PLAIN.toPayload("x".repeat(5000)).orElseThrow();

    assertThat(post("/codec/encode", authorized(), body(big)).status()).isEqualTo(413);
  }

  @Test
  void aBodyThatIsNotTheProtocolsJsonIs400() throws IOException {
    RawHttp.Response broken = post("/codec/decode", authorized(), "{\"payloads\": [");
    RawHttp.Response notBase64 =
        post("/codec/decode", authorized(), "{\"payloads\":[{\"data\":\"%%%\"}]}");

    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.body()).contains("payloads");
    assertThat(notBase64.status()).isEqualTo(400);
  }

  @Test
  void aPayloadUnderAKeyIdTheRingLacksIs400NamingTheId() throws IOException {
    PayloadKeyRing other =
        PayloadKeyRing.of("k9", Map.of("k9", Base64.getDecoder().decode(PayloadKeyRing.newKey())));
    Payload foreign =
        new EncryptingPayloadCodec(other).encode(List.of(PLAIN.toPayload(ADA).get())).get(0);

    RawHttp.Response answer = post("/codec/decode", authorized(), body(foreign));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("'k9'").doesNotContain("ada");
  }

  @Test
  void anotherNamespaceAndAnotherPathAreRefused() throws IOException {
    Map<String, String> otherNamespace = authorized();
    otherNamespace.put("X-Namespace", "payments");

    assertThat(post("/codec/decode", otherNamespace, body()).status()).isEqualTo(400);
    assertThat(post("/codec/decodeX", authorized(), body()).status()).isEqualTo(404);
  }
}
