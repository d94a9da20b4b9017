package dev.roster.sandbox.listmonk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** listmonk wire details shared by the fake's handlers: envelopes, query strings, paging. */
final class ListmonkWire {
  /** {@code per_page} default and silent maximum (vendors.md §3, knadh/paginator). */
  static final int DEFAULT_PER_PAGE = 20;

  static final int MAX_PER_PAGE = 50;

  private ListmonkWire() {}

  /** Success envelope {@code {"data": …}} (cmd/handlers.go okResp). */
  static FakeResponse ok(Object data) {
    ObjectNode body = Json.object();
    body.set("data", Json.MAPPER.valueToTree(data));
    return FakeResponse.json(200, body);
  }

  /** Echo's default error body {@code {"message": …}}. */
  static FakeResponse error(int status, String message) {
    return FakeResponse.json(status, Map.of("message", message));
  }

  /** Parses a JSON body, answering 400 like Echo's binder when it is malformed. */
  static JsonNode body(FakeRequest request) {
    try {
      return Json.read(request.body());
    } catch (IOException e) {
      throw ListmonkError.invalid("Invalid JSON in request body.");
    }
  }

  /** Query parameters, form-decoded, every value of a repeated name kept in order. */
  static Map<String, List<String>> query(FakeRequest request) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    String raw = request.query();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** A page request; {@code perPage == 0} means "all" (paginator returns per_page 0). */
  record Page(int page, int perPage) {
    static Page of(Map<String, List<String>> query) {
      int page = Math.max(1, parse(first(query, "page"), 1));
      String rawPerPage = first(query, "per_page");
      if ("all".equals(rawPerPage)) {
        return new Page(1, 0);
      }
      int perPage = parse(rawPerPage, DEFAULT_PER_PAGE);
      if (perPage < 1) {
        perPage = DEFAULT_PER_PAGE;
      }
      return new Page(page, Math.min(perPage, MAX_PER_PAGE));
    }

    <T> List<T> slice(List<T> all) {
      if (perPage == 0) {
        return all;
      }
      int from = Math.min(all.size(), (page - 1) * perPage);
      return all.subList(from, Math.min(all.size(), from + perPage));
    }

    /** The paged body {@code {results,search,query,total,per_page,page}} (models/common.go). */
    ObjectNode body(ArrayNode results, int total, String search, String query) {
      ObjectNode out = Json.object();
      out.set("results", results);
      out.put("search", search == null ? "" : search);
      out.put("query", query == null ? "" : query);
      out.put("total", total);
      out.put("per_page", perPage);
      out.put("page", page);
      return out;
    }

    private static int parse(String raw, int fallback) {
      if (raw == null || raw.isBlank()) {
        return fallback;
      }
      try {
        return Integer.parseInt(raw.trim());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
  }

  /** Parses a numeric path id; listmonk answers 400 "Invalid ID." for anything else. */
  static long id(String raw) {
    try {
      long id = Long.parseLong(raw);
      if (id < 1) {
        throw ListmonkError.invalid("Invalid ID.");
      }
      return id;
    } catch (NumberFormatException e) {
      throw ListmonkError.invalid("Invalid ID.");
    }
  }
}
