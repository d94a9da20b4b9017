package dev.roster.activities.servicenow;

import static dev.roster.activities.servicenow.ServiceNowClient.VENDOR;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.activities.http.Answers;
import java.util.List;
import java.util.Map;

/**
 * A 2xx answer read as JSON. The Table and Attachment APIs wrap everything in {@code result}: an
 * answer without it (or of the wrong kind) is unreadable, never an empty record or page.
 */
record ServiceNowReply(
    String operation, int status, JsonNode json, Map<String, List<String>> headers) {

  JsonNode result(boolean record) {
    JsonNode result = json.path("result");
    if (record ? !result.isObject() : !result.isArray()) {
      throw Answers.unreadable(VENDOR, operation, status, record ? "no result" : "no results");
    }
    return result;
  }

  /** A written record must come back with its sys_id, ServiceNow's word that it was saved. */
  Map<String, String> written(Map<String, String> record) {
    String sysId = record.get("sys_id");
    if (sysId == null || sysId.isBlank()) {
      throw Answers.unreadable(VENDOR, operation, status, "no sys_id");
    }
    return record;
  }

  String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }
}
