package dev.roster.workflows.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.roster.workflows.request.Person;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AES-256-GCM over whole payloads, a key ring with rotation, and failures encoded too. */
class EncryptingPayloadCodecTest {
  private static final byte[] KEY_1 = Base64.getDecoder().decode(PayloadKeyRing.newKey());
  private static final byte[] KEY_2 = Base64.getDecoder().decode(PayloadKeyRing.newKey());
  private static final PayloadKeyRing K1 = PayloadKeyRing.of("k1", Map.of("k1", KEY_1));
  private static final DataConverter PLAIN = DefaultDataConverter.newDefaultInstance();
  private static final Person ADA = new Person("ada.lovelace@example.com", "Ada", "Lovelace");

  private static PayloadKeyRing rotated() {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    keys.put("k1", KEY_1);
    keys.put("k2", KEY_2);
    return PayloadKeyRing.of("k2", keys);
  }

  private static Payload plain(Object value) {
    return PLAIN.toPayload(value).orElseThrow();
  }

  @Test
  void aPayloadRoundTripsWithItsMetadataAndNothingReadableInTheCiphertext() {
    EncryptingPayloadCodec codec = new EncryptingPayloadCodec(K1);
    Payload original = plain(ADA);

    Payload encrypted = codec.encode(List.of(original)).get(0);

    assertThat(encrypted.getMetadataMap().get("encoding").toStringUtf8())
        .isEqualTo("binary/encrypted");
    assertThat(encrypted.getMetadataMap().get("encryption-key-id").toStringUtf8()).isEqualTo("k1");
    assertThat(encrypted.toByteString().toStringUtf8())
        .doesNotContain("ada.lovelace")
        .doesNotContain("Lovelace")
        .doesNotContain("json/plain");
    Payload decoded = codec.decode(List.of(encrypted)).get(0);
    assertThat(decoded).isEqualTo(original);
    assertThat(PLAIN.fromPayload(decoded, Person.class, Person.class)).isEqualTo(ADA);
  }

  @Test
  void eachEncodingUsesAFreshNonce() {
    EncryptingPayloadCodec codec = new EncryptingPayloadCodec(K1);
    Payload original = plain(ADA);

    ByteString first = codec.encode(List.of(original)).get(0).getData();
    ByteString second = codec.encode(List.of(original)).get(0).getData();

    assertThat(first).isNotEqualTo(second);
    assertThat(first.substring(0, 12)).isNotEqualTo(second.substring(0, 12));
  }

  @Test
  void whatK1WroteStillDecodesAfterK2BecomesActive() {
    Payload underK1 = new EncryptingPayloadCodec(K1).encode(List.of(plain(ADA))).get(0);
    EncryptingPayloadCodec afterRotation = new EncryptingPayloadCodec(rotated());

    assertThat(afterRotation.decode(List.of(underK1)).get(0)).isEqualTo(plain(ADA));
    Payload underK2 = afterRotation.encode(List.of(plain(ADA))).get(0);
    assertThat(underK2.getMetadataMap().get("encryption-key-id").toStringUtf8()).isEqualTo("k2");
  }

  @Test
  void aKeyIdTheRingLacksFailsNamingTheId() {
    Payload underK2 = new EncryptingPayloadCodec(rotated()).encode(List.of(plain(ADA))).get(0);

    assertThatThrownBy(() -> new EncryptingPayloadCodec(K1).decode(List.of(underK2)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("'k2'")
        .hasMessageContaining("[k1]");
  }

  @Test
  void aTamperedPayloadFailsAuthentication() {
    EncryptingPayloadCodec codec = new EncryptingPayloadCodec(K1);
    Payload encrypted = codec.encode(List.of(plain(ADA))).get(0);
    byte[] data = encrypted.getData().toByteArray();
    data[data.length / 2] ^= 1;
    Payload tampered = encrypted.toBuilder().setData(ByteString.copyFrom(data)).build();

    assertThatThrownBy(() -> codec.decode(List.of(tampered)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("failed authentication");
  }

  @Test
  void aPayloadRelabelledWithAnotherKeyIdFailsAuthentication() {
    // The same key under two ids: only the id the payload was sealed with opens it.
    PayloadKeyRing twins = PayloadKeyRing.of("a", Map.of("a", KEY_1, "b", KEY_1));
    EncryptingPayloadCodec codec = new EncryptingPayloadCodec(twins);
    Payload sealed = codec.encode(List.of(plain(ADA))).get(0);
    Payload relabelled =
        sealed.toBuilder().putMetadata("encryption-key-id", ByteString.copyFromUtf8("b")).build();

    assertThatThrownBy(() -> codec.decode(List.of(relabelled)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("failed authentication");
  }

  @Test
  void plainPayloadsPassDecodingUnchanged() {
    Payload original = plain(ADA);
    assertThat(new EncryptingPayloadCodec(K1).decode(List.of(original)).get(0)).isEqualTo(original);
  }

  @Test
  void failureMessagesAndStackTracesAreEncoded() {
    DataConverter converter = EncryptingPayloadCodec.dataConverter(K1);
    ApplicationFailure thrown =
        ApplicationFailure.newNonRetryableFailure(
            "vendor refused ada.lovelace@example.com", "Rejected");

    Failure failure = converter.exceptionToFailure(thrown);

    assertThat(failure.toByteString().toString(StandardCharsets.UTF_8))
        .doesNotContain("ada.lovelace")
        .doesNotContain("EncryptingPayloadCodecTest");
    assertThat(failure.getEncodedAttributes().getMetadataMap().get("encoding").toStringUtf8())
        .isEqualTo("binary/encrypted");
    assertThat(converter.failureToException(failure))
        .hasMessageContaining("vendor refused ada.lovelace@example.com");
  }

  @Test
  void aRingRefusesAShortKeyAndAnActiveIdItLacksWithoutShowingKeys() {
    assertThatThrownBy(() -> PayloadKeyRing.of("k1", Map.of("k1", new byte[16])))
        .hasMessageContaining("k1")
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> PayloadKeyRing.of("k3", Map.of("k1", KEY_1)))
        .hasMessageContaining("'k3'");
    assertThat(K1.toString())
        .contains("REDACTED")
        .doesNotContain(Base64.getEncoder().encodeToString(KEY_1));
  }
}
