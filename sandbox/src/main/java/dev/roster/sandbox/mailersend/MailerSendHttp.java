package dev.roster.sandbox.mailersend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** MailerSend wire details shared by the fake's handlers: envelopes, paging, body parsing. */
final class MailerSendHttp {
  static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  /** Timestamps as the docs show them: {@code 2024-01-18T06:59:00.000000Z}. */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private static final int DEFAULT_LIMIT = 25;

  private MailerSendHttp() {}

  static String time(Instant t) {
    return t == null ? null : TIME.format(t);
  }

  static FakeResponse error(MailerSendError e) {
    ObjectNode body = Json.object();
    body.put("message", e.getMessage());
    if (e.errors != null) {
      body.set("errors", Json.MAPPER.valueToTree(e.errors));
    }
    return FakeResponse.json(e.status, body);
  }

  static FakeResponse data(int status, JsonNode data) {
    ObjectNode body = Json.object();
    body.set("data", data);
    return FakeResponse.json(status, body);
  }

  /** Parses a JSON request body; malformed JSON is a 400 {"message"} like Laravel's. */
  static JsonNode body(FakeRequest request) {
    try {
      return Json.read(request.body());
    } catch (IOException e) {
      throw new MailerSendError(400, "Malformed JSON body.", null);
    }
  }

  /** Decoded query parameters (first value wins). */
  static Map<String, String> query(FakeRequest request) {
    Map<String, String> out = new HashMap<>();
    if (request.query() == null || request.query().isEmpty()) {
      return out;
    }
    for (String pair : request.query().split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.putIfAbsent(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  /**
   * One page of a listing as Laravel paginates it: {@code data}, {@code links} and {@code meta}
   * (the Java SDK fixture {@code UsersTest_TestGetInvites().json}). {@code limit} must be 10..100
   * (default 25) and {@code page} at least 1, else 422.
   */
  static FakeResponse page(FakeRequest request, List<? extends JsonNode> items) {
    Map<String, String> q = query(request);
    int limit = intParam(q, "limit", DEFAULT_LIMIT);
    int page = intParam(q, "page", 1);
    if (limit < 10 || limit > 100) {
      throw MailerSendError.invalid("limit", "The limit must be between 10 and 100.");
    }
    if (page < 1) {
      throw MailerSendError.invalid("page", "The page must be at least 1.");
    }
    int total = items.size();
    int lastPage = Math.max(1, (total + limit - 1) / limit);
    int from = (page - 1) * limit;
    List<? extends JsonNode> slice =
        from >= total ? List.of() : items.subList(from, Math.min(total, from + limit));
    String path = "http://" + request.header("Host") + request.path();
    ObjectNode body = Json.object();
    body.set("data", Json.MAPPER.valueToTree(slice));
    ObjectNode links = body.putObject("links");
    links.put("first", path + "?page=1");
    links.put("last", path + "?page=" + lastPage);
    links.put("prev", page > 1 ? path + "?page=" + (page - 1) : null);
    links.put("next", page < lastPage ? path + "?page=" + (page + 1) : null);
    ObjectNode meta = body.putObject("meta");
    meta.put("current_page", page);
    if (slice.isEmpty()) {
      meta.putNull("from");
      meta.putNull("to");
    } else {
      meta.put("from", from + 1);
      meta.put("to", from + slice.size());
    }
    meta.put("last_page", lastPage);
    meta.put("path", path);
    meta.put("per_page", limit);
    meta.put("total", total);
    return FakeResponse.json(200, body);
  }

  private static int intParam(Map<String, String> q, String name, int fallback) {
    String raw = q.get(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw MailerSendError.invalid(name, "The " + name + " must be an integer.");
    }
  }
}
