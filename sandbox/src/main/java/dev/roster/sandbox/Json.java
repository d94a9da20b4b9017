package dev.roster.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one ObjectMapper every fake shares; vendors add fields freely, so unknown ones are ignored.
 */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses a request body. An empty body reads as an empty object so handlers can treat "no body"
   * and "{}" alike; malformed JSON throws so the fake can answer 400 as the vendor would.
   */
  public static JsonNode read(byte[] body) throws IOException {
    if (body == null || body.length == 0) {
      return object();
    }
    JsonNode node = MAPPER.readTree(body);
    return node == null ? object() : node;
  }
}
