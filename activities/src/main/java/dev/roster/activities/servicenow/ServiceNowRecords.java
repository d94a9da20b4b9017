package dev.roster.activities.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.activities.http.VendorJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the Table and Attachment APIs' wire shapes into Roster's plain values. */
final class ServiceNowRecords {

  /**
   * A record as column -> string. Reads ask for plain references, but a {@code {link, value}}
   * object is flattened to its value anyway; null becomes "".
   */
  Map<String, String> record(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isObject()) {
        v = v.path("value");
      }
      out.put(e.getKey(), v.isNull() || v.isMissingNode() ? "" : v.asText());
    }
    return out;
  }

  QueryPage page(JsonNode result, String totalHeader, String linkHeader, int offset, int limit) {
    List<Map<String, String>> rows = new ArrayList<>();
    if (result.isArray()) {
      result.forEach(node -> rows.add(record(node)));
    }
    int total = parseInt(totalHeader);
    boolean more;
    if (linkHeader != null) {
      more = linkHeader.contains("rel=\"next\"");
    } else if (total >= 0) {
      more = offset + limit < total;
    } else {
      // No signal at all: only a full page suggests there may be more.
      more = rows.size() >= limit;
    }
    return new QueryPage(rows, total, offset, more);
  }

  List<Attachment> attachments(JsonNode result) {
    List<Attachment> out = new ArrayList<>();
    if (result.isArray()) {
      result.forEach(node -> out.add(attachment(node)));
    }
    return out;
  }

  Attachment attachment(JsonNode node) {
    Map<String, String> row = record(node);
    long size;
    try {
      size = Long.parseLong(row.getOrDefault("size_bytes", ""));
    } catch (NumberFormatException e) {
      size = -1;
    }
    return new Attachment(
        row.getOrDefault("sys_id", ""),
        row.getOrDefault("table_name", ""),
        row.getOrDefault("table_sys_id", ""),
        row.getOrDefault("file_name", ""),
        row.getOrDefault("content_type", ""),
        size,
        row.getOrDefault("hash", ""),
        row.getOrDefault("sys_updated_on", ""));
  }

  /**
   * The instance's {@code error.message} (plus {@code detail}) from an error body, never the body
   * itself; null when absent or not JSON.
   */
  static String errorMessage(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode error = VendorJson.MAPPER.readTree(body).path("error");
      String message = error.path("message").asText("");
      String detail = error.path("detail").asText("");
      if (message.isEmpty()) {
        return null;
      }
      return detail.isEmpty() ? message : message + " (" + detail + ")";
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  private static int parseInt(String value) {
    if (value == null) {
      return -1;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
