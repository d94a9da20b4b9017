package dev.roster.sandbox.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** ServiceNow wire details shared by the fake's handlers: envelopes, parameters, bodies. */
final class SnHttp {
  private SnHttp() {}

  /** {@code {"error":{"message","detail"},"status":"failure"}}; the code is only in the status. */
  static FakeResponse error(int status, String message, String detail) {
    ObjectNode body = Json.object();
    ObjectNode error = body.putObject("error");
    error.put("message", message);
    error.put("detail", detail);
    body.put("status", "failure");
    return FakeResponse.json(status, body);
  }

  static FakeResponse error(ServiceNowError e) {
    return error(e.status, e.getMessage(), e.detail);
  }

  /** {@code {"result": value}}. */
  static FakeResponse result(int status, JsonNode value) {
    ObjectNode body = Json.object();
    body.set("result", value);
    return FakeResponse.json(status, body);
  }

  /** Decoded query (or form) parameters; the first value of a repeated name wins. */
  static Map<String, String> params(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.putIfAbsent(name, value);
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /**
   * A write body as column -> string. Numbers and booleans become their text, null becomes "", a
   * {@code {"value": ...}} object its value; other nesting is a 400 like an instance's parser.
   */
  static Map<String, String> fields(FakeRequest request) {
    requireJsonHeaders(request);
    JsonNode body;
    try {
      body = Json.read(request.body());
    } catch (IOException e) {
      throw ServiceNowError.badRequest("Exception while reading request");
    }
    if (!body.isObject()) {
      throw ServiceNowError.badRequest("Request body must be a JSON object");
    }
    Map<String, String> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = body.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isObject() && v.has("value")) {
        v = v.get("value");
      }
      if (v.isContainerNode()) {
        throw ServiceNowError.badRequest("Field " + e.getKey() + " must be a scalar");
      }
      out.put(e.getKey(), v.isNull() ? "" : v.asText());
    }
    return out;
  }

  /** POST, PUT and PATCH need Accept and Content-Type, else an instance answers 400. */
  static void requireJsonHeaders(FakeRequest request) {
    String type = request.header("Content-Type");
    String accept = request.header("Accept");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw ServiceNowError.badRequest("Content-Type must be application/json");
    }
    if (accept == null || accept.isBlank()) {
      throw ServiceNowError.badRequest("Accept header is required");
    }
  }

  /** Whether the client asked to suppress the response body. */
  static boolean noResponseBody(FakeRequest request) {
    return "true".equalsIgnoreCase(request.header("X-no-response-body"));
  }

  static int intParam(Map<String, String> params, String name, int fallback) {
    String v = params.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Math.max(0, Integer.parseInt(v.trim()));
    } catch (NumberFormatException e) {
      throw ServiceNowError.badRequest(name + " must be a number");
    }
  }
}
