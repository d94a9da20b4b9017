package dev.roster.sandbox.mailjet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Mailjet wire details shared by the fake's handlers: envelopes, errors, auth, queries. */
final class MailjetHttp {
  static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  /** mailjet-apiv3-php#109, the message Mailjet sends for a missing or wrong key pair. */
  static final String AUTH_FAILURE =
      "API key authentication/authorization failure. You may be unauthorized to access the API or"
          + " your API key may be expired. Visit API keys management section to check your keys.";

  /** vendors.md §1: default 10, max 1000. */
  static final int DEFAULT_LIMIT = 10;

  static final int MAX_LIMIT = 1000;

  private MailjetHttp() {}

  static FakeResponse error(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ErrorInfo", "");
    body.put("ErrorMessage", message);
    body.put("StatusCode", status);
    return FakeResponse.json(status, body);
  }

  /** {@code {"Count","Data","Total"}} with every item (a single-object answer). */
  static FakeResponse envelope(int status, List<? extends JsonNode> items) {
    return page(status, items, items.size());
  }

  static FakeResponse page(int status, List<? extends JsonNode> items, int total) {
    ObjectNode out = Json.object();
    out.put("Count", items.size());
    ArrayNode data = out.putArray("Data");
    items.forEach(data::add);
    out.put("Total", total);
    return FakeResponse.json(status, out);
  }

  /** A page of {@code items} per the request's {@code Limit} and {@code Offset}. */
  static FakeResponse paged(FakeRequest request, List<? extends JsonNode> items) {
    Map<String, String> query = query(request);
    int limit = intParam(query, "Limit", DEFAULT_LIMIT);
    int offset = intParam(query, "Offset", 0);
    if (limit < 0 || limit > MAX_LIMIT || offset < 0) {
      throw MailjetError.invalid("Limit must be between 0 and 1000 and Offset positive");
    }
    int from = Math.min(offset, items.size());
    int to = Math.min(items.size(), from + limit);
    return page(200, items.subList(from, to), items.size());
  }

  /** True when the request carries {@code Authorization: Basic base64(key:secret)}. */
  static boolean authorized(FakeRequest request, String apiKey, String secretKey) {
    String header = request.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      return decoded.equals(apiKey + ":" + secretKey);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  /** Parses a JSON object body, answering 400 when it is malformed. */
  static JsonNode body(FakeRequest request) {
    try {
      JsonNode node = Json.read(request.body());
      if (!node.isObject()) {
        throw MailjetError.invalid("Request body must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw MailjetError.invalid("Invalid JSON in request body");
    }
  }

  /**
   * A field by name, ignoring case. vendors.md §1 ⚠: the guide's curl examples send {@code
   * "action"}/{@code "value"}, the SDK types {@code Action}/{@code Value}.
   */
  static JsonNode field(JsonNode node, String name) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return node.path(name);
  }

  /** Decoded query parameters; keys keep their case (Mailjet filters are CamelCase). */
  static Map<String, String> query(FakeRequest request) {
    Map<String, String> out = new LinkedHashMap<>();
    if (request.query() == null || request.query().isEmpty()) {
      return out;
    }
    for (String pair : request.query().split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(decode(key), decode(value));
    }
    return out;
  }

  static Long longParam(Map<String, String> query, String name) {
    String raw = query.get(name);
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw MailjetError.invalid("Invalid value for filter " + name);
    }
  }

  static Boolean boolParam(Map<String, String> query, String name) {
    String raw = query.get(name);
    return raw == null || raw.isEmpty() ? null : raw.toLowerCase(Locale.ROOT).equals("true");
  }

  private static int intParam(Map<String, String> query, String name, int fallback) {
    Long value = longParam(query, name);
    return value == null ? fallback : (int) Math.max(Integer.MIN_VALUE, value);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
