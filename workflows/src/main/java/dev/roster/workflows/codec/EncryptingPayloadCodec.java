package dev.roster.workflows.codec;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts every payload with AES-256-GCM under the ring's active key: the whole original payload
 * (metadata and data) is the plaintext, a fresh random 12-byte nonce precedes the ciphertext, and
 * the key id is both in the metadata ({@value #KEY_ID_KEY}) and bound to the ciphertext as
 * associated data, so a payload cannot be passed off under another id. Decoding leaves payloads
 * that are not {@value #ENCODING} as they are (histories written before the codec, or by the {@code
 * temporal} CLI without a codec endpoint). Thread-safe.
 */
public final class EncryptingPayloadCodec implements PayloadCodec {
  /** The metadata encoding of an encrypted payload. */
  public static final String ENCODING = "binary/encrypted";

  /** The metadata key naming the key id. */
  public static final String KEY_ID_KEY = "encryption-key-id";

  private static final String ENCODING_KEY = "encoding";
  private static final ByteString ENCODING_BYTES = ByteString.copyFromUtf8(ENCODING);
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PayloadKeyRing ring;

  public EncryptingPayloadCodec(PayloadKeyRing ring) {
    this.ring = requireNonNull(ring, "ring is null");
  }

  /**
   * The data converter of every Roster client and worker: Temporal's default JSON conversion, then
   * this codec on every payload, failure messages and stack traces included.
   */
  public static DataConverter dataConverter(PayloadKeyRing ring) {
    return dataConverter(new EncryptingPayloadCodec(ring));
  }

  /** As {@link #dataConverter(PayloadKeyRing)}, with a codec already built. */
  public static DataConverter dataConverter(PayloadCodec codec) {
    return new CodecDataConverter(DefaultDataConverter.newDefaultInstance(), List.of(codec), true);
  }

  /** Encrypts each payload under the active key. */
  @Override
  public List<Payload> encode(List<Payload> payloads) {
    List<Payload> out = new ArrayList<>(payloads.size());
    for (Payload payload : payloads) {
      out.add(encrypt(payload));
    }
    return out;
  }

  /**
   * Decrypts each encrypted payload; others pass unchanged.
   *
   * @throws PayloadCodecException naming the key id when the ring lacks it, or when a payload fails
   *     authentication (tampered, or another key under the same id)
   */
  @Override
  public List<Payload> decode(List<Payload> payloads) {
    List<Payload> out = new ArrayList<>(payloads.size());
    for (Payload payload : payloads) {
      out.add(isEncrypted(payload) ? decrypt(payload) : payload);
    }
    return out;
  }

  /** Whether {@code payload} is one this codec encrypted. */
  public static boolean isEncrypted(Payload payload) {
    return ENCODING_BYTES.equals(payload.getMetadataMap().get(ENCODING_KEY));
  }

  private Payload encrypt(Payload payload) {
    String id = ring.activeId();
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed;
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, ring.activeKey(), nonce, id);
      sealed = cipher.doFinal(payload.toByteArray());
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException("cannot encrypt a payload with key id " + id, e);
    }
    return Payload.newBuilder()
        .putMetadata(ENCODING_KEY, ENCODING_BYTES)
        .putMetadata(KEY_ID_KEY, ByteString.copyFromUtf8(id))
        .setData(
            ByteString.copyFrom(
                ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).flip()))
        .build();
  }

  private Payload decrypt(Payload payload) {
    ByteString idBytes = payload.getMetadataMap().get(KEY_ID_KEY);
    if (idBytes == null) {
      throw new PayloadCodecException("an encrypted payload has no " + KEY_ID_KEY + " metadata");
    }
    String id = idBytes.toStringUtf8();
    SecretKey key =
        ring.key(id)
            .orElseThrow(
                () ->
                    new PayloadCodecException(
                        "a payload is encrypted with key id '"
                            + id
                            + "', which is not in the key ring (temporal.payloadKeys has "
                            + ring.ids()
                            + ")"));
    byte[] data = payload.getData().toByteArray();
    if (data.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new PayloadCodecException("a payload encrypted with key id '" + id + "' is truncated");
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, data, id);
      byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
      return Payload.parseFrom(plain);
    } catch (AEADBadTagException e) {
      throw new PayloadCodecException(
          "a payload encrypted with key id '"
              + id
              + "' failed authentication: it was altered, or another key is configured under"
              + " that id");
    } catch (GeneralSecurityException | InvalidProtocolBufferException e) {
      throw new PayloadCodecException(
          "cannot decrypt a payload with key id '"
              + id
              + "' ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String id)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce, 0, NONCE_BYTES));
    cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
