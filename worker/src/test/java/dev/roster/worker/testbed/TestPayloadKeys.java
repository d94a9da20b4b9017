package dev.roster.worker.testbed;

import dev.roster.workflows.codec.EncryptingPayloadCodec;
import dev.roster.workflows.codec.PayloadKeyRing;
import io.temporal.common.converter.DataConverter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fixed payload keys of the tests: {@link #K1} encrypts what the testbeds write (so a recorded
 * history stays readable by the replay tests), {@link #ROTATED} is the ring after a rotation to
 * {@code test-k2} with {@code test-k1} kept for decryption.
 */
public final class TestPayloadKeys {
  static final byte[] KEY_1 = "roster-test-payload-key-1-32byte".getBytes(StandardCharsets.UTF_8);
  static final byte[] KEY_2 = "roster-test-payload-key-2-32byte".getBytes(StandardCharsets.UTF_8);

  /** {@code test-k1} active, alone: what the testbeds write with. */
  public static final PayloadKeyRing K1 = PayloadKeyRing.of("test-k1", Map.of("test-k1", KEY_1));

  /** {@code test-k2} active, {@code test-k1} decrypt-only. */
  public static final PayloadKeyRing ROTATED = rotated();

  /** {@code test-k2} alone: has lost the key of what {@link #K1} wrote. */
  public static final PayloadKeyRing K2_ONLY =
      PayloadKeyRing.of("test-k2", Map.of("test-k2", KEY_2));

  /** The production data converter over {@code ring}. */
  public static DataConverter converter(PayloadKeyRing ring) {
    return EncryptingPayloadCodec.dataConverter(ring);
  }

  private static PayloadKeyRing rotated() {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    keys.put("test-k1", KEY_1);
    keys.put("test-k2", KEY_2);
    return PayloadKeyRing.of("test-k2", keys);
  }

  private TestPayloadKeys() {}
}
