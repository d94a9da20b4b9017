package dev.roster.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.workflows.codec.PayloadKeyRing;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Binds {@code temporal.payloadKeys}: the ids and references; the keys are read at start-up. */
final class PayloadKeysBinder {
  private static final String AT = PayloadKeysConfig.AT;

  private final ConfigReader in;

  PayloadKeysBinder(ConfigReader in) {
    this.in = in;
  }

  /** Empty when the section is absent (or bad: reported). */
  Optional<PayloadKeysConfig> bind(ObjectNode temporal) {
    Optional<ObjectNode> section =
        in.section(temporal, "temporal", "payloadKeys", ConfigShape.PAYLOAD_KEYS.keys());
    if (section.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode node = section.get();
    Map<String, SecretRef> keys = new LinkedHashMap<>();
    JsonNode keysNode = node.get("keys");
    if (keysNode == null || !keysNode.isObject() || keysNode.isEmpty()) {
      in.problem(
          AT + ".keys",
          "expected a mapping of key id to reference, e.g. {k1: {env: ROSTER_PAYLOAD_KEY_K1}}");
      return Optional.empty();
    }
    keysNode
        .fieldNames()
        .forEachRemaining(
            id -> {
              if (!PayloadKeyRing.KEY_ID.matcher(id).matches()) {
                in.problem(
                    AT + ".keys." + id,
                    "a key id must match "
                        + PayloadKeyRing.KEY_ID.pattern()
                        + " (it is written"
                        + " into each payload)");
                return;
              }
              SecretRef ref = in.secret((ObjectNode) keysNode, AT + ".keys", id, null);
              if (ref != null) {
                keys.put(id, ref);
              }
            });
    String active = in.text(node, AT, "active", null);
    if (active == null || active.isBlank()) {
      in.problem(
          AT + ".active", "required: the id of the key that encrypts, one of " + keys.keySet());
      return Optional.empty();
    }
    if (!keysNode.has(active.strip())) {
      in.problem(
          AT + ".active",
          "'" + active + "' is not one of the key ids " + keys.keySet() + " under " + AT + ".keys");
      return Optional.empty();
    }
    return keys.size() == keysNode.size()
        ? Optional.of(new PayloadKeysConfig(active.strip(), keys))
        : Optional.empty();
  }
}
