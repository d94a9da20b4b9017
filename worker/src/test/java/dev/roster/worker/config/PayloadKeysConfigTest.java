package dev.roster.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.workflows.codec.PayloadKeyRing;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code temporal.payloadKeys}: the ring by reference, checked when loaded and when resolved. */
class PayloadKeysConfigTest {
  private static final String KEY_1 = PayloadKeyRing.newKey();
  private static final String KEY_2 = PayloadKeyRing.newKey();
  private static final String RING =
      "temporal: {payloadKeys: {active: k2, keys: {k1: {env: PK1}, k2: {env: PK2}}}}";

  private static RosterConfig parse(String yaml) {
    return ConfigLoader.parse(yaml, "roster.yaml", Map.of());
  }

  private static ConfigException parseFails(String yaml) {
    return catchThrowableOfType(ConfigException.class, () -> parse(yaml));
  }

  private static ConfigException resolveFails(String yaml, Map<String, String> env) {
    RosterConfig config = parse(yaml);
    return catchThrowableOfType(
        ConfigException.class, () -> PayloadKeysConfig.required(config.temporal(), env));
  }

  @Test
  void aRingResolvesWithTheActiveIdEncryptingAndEveryIdKnown() {
    PayloadKeyRing ring =
        PayloadKeysConfig.required(parse(RING).temporal(), Map.of("PK1", KEY_1, "PK2", KEY_2));

    assertThat(ring.activeId()).isEqualTo("k2");
    assertThat(ring.ids()).containsExactly("k1", "k2");
  }

  @Test
  void noRingIsAnErrorNamingTheKeyPath() {
    ConfigException e = resolveFails("temporal: {address: 'temporal:7233'}", Map.of());

    assertThat(e.problems())
        .singleElement()
        .asString()
        .startsWith("temporal.payloadKeys: required");
  }

  @Test
  void anActiveIdOutsideTheRingIsRefusedWhenLoaded() {
    ConfigException e = parseFails("temporal: {payloadKeys: {active: k3, keys: {k1: {env: PK1}}}}");

    assertThat(e.problems())
        .containsExactly(
            "temporal.payloadKeys.active: 'k3' is not one of the key ids [k1] under"
                + " temporal.payloadKeys.keys");
  }

  @Test
  void aKeyGivenInlineIsRefusedWithoutEchoingIt() {
    ConfigException e =
        parseFails("temporal: {payloadKeys: {active: k1, keys: {k1: '" + KEY_1 + "'}}}");

    assertThat(e.getMessage())
        .contains("temporal.payloadKeys.keys.k1: give a reference")
        .doesNotContain(KEY_1);
  }

  @Test
  void aKeyThatIsNot32BytesOfBase64IsRefusedNamingItsPath() {
    ConfigException shortKey = resolveFails(RING, Map.of("PK1", "c2hvcnQ=", "PK2", KEY_2));
    ConfigException notBase64 = resolveFails(RING, Map.of("PK1", KEY_1, "PK2", "not base64!"));

    assertThat(shortKey.problems())
        .containsExactly(
            "temporal.payloadKeys.keys.k1: expected 32 bytes in base64 (openssl rand -base64 32),"
                + " got 5 bytes");
    assertThat(notBase64.problems())
        .singleElement()
        .asString()
        .startsWith("temporal.payloadKeys.keys.k2: expected 32 bytes in base64")
        .doesNotContain("not base64!");
  }

  @Test
  void anUnsetReferenceNamesTheKeyAndTheVariable() {
    ConfigException e = resolveFails(RING, Map.of("PK2", KEY_2));

    assertThat(e.problems())
        .containsExactly("temporal.payloadKeys.keys.k1: environment variable PK1 is not set");
  }

  @Test
  void anUnknownKeyInTheSectionIsRefused() {
    ConfigException e =
        parseFails("temporal: {payloadKeys: {active: k1, keys: {k1: {env: PK1}}, rotate: yes}}");

    assertThat(e.problems())
        .containsExactly(
            "temporal.payloadKeys.rotate: unknown key (expected one of: active, keys)");
  }
}
