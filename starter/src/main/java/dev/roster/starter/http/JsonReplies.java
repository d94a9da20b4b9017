package dev.roster.starter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Answers of the HTTP service's endpoints: a JSON body with a status. */
final class JsonReplies {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Sends {@code json} with {@code status}. */
  static void reply(Exchange exchange, int status, byte[] json) {
    exchange.send(status, "application/json", json);
  }

  /** Sends {@code json} text with {@code status}. */
  static void reply(Exchange exchange, int status, String json) {
    reply(exchange, status, json.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends {@code body} as JSON with {@code status}. */
  static void json(Exchange exchange, int status, Object body) {
    try {
      reply(exchange, status, JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an answer as JSON", e);
    }
  }

  /** Sends {@code {"errors":[...]}} with {@code status}. */
  static void errors(Exchange exchange, int status, List<String> errors) {
    json(exchange, status, Map.of("errors", errors));
  }

  private JsonReplies() {}
}
