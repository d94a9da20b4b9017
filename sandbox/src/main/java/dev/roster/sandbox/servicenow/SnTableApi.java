package dev.roster.sandbox.servicenow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Supplier;

/** The Table API: {@code /api/now[/v2]/table/{table}[/{sys_id}]}. */
final class SnTableApi {
  static final int DEFAULT_LIMIT = 10_000;

  private final SnStore store;
  private final Supplier<String> baseUrl;

  SnTableApi(SnStore store, Supplier<String> baseUrl) {
    this.store = store;
    this.baseUrl = baseUrl;
  }

  /** GET on a table. v1 answers 404 when nothing matches, v2 answers 200 with []. */
  FakeResponse list(FakeRequest request, boolean v2) {
    String table = table(request);
    Map<String, String> params = SnHttp.params(request.query());
    rejectDisplayValues(params);
    EncodedQuery query = EncodedQuery.parse(params.get("sysparm_query"));
    List<Map<String, String>> rows = new ArrayList<>();
    for (Map<String, String> row : store.all(table)) {
      if (query.matches(resolver(table, row))) {
        rows.add(row);
      }
    }
    query.sort(rows, row -> resolver(table, row));
    int limit = SnHttp.intParam(params, "sysparm_limit", DEFAULT_LIMIT);
    int offset = SnHttp.intParam(params, "sysparm_offset", 0);
    int total = rows.size();
    // As on an instance, the limit applies before ACLs: hidden rows make a page come back short.
    List<Map<String, String>> page =
        rows.subList(Math.min(offset, total), Math.min(offset + limit, total));
    ArrayNode result = Json.MAPPER.createArrayNode();
    for (Map<String, String> row : page) {
      if (store.visible(table, row.get("sys_id"))) {
        result.add(render(table, row, params));
      }
    }
    if (result.isEmpty() && !v2) {
      return SnHttp.error(
          404,
          "No Record found",
          "Records matching query not found. Check query parameter or offset parameter");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (!"true".equals(params.get("sysparm_no_count"))) {
      headers.put("X-Total-Count", Integer.toString(total));
    }
    if (limit > 0) {
      headers.put("Link", links(request.path(), params, offset, limit, total));
    }
    return SnHttp.result(200, result).withHeaders(headers);
  }

  FakeResponse read(FakeRequest request) {
    String table = table(request);
    Map<String, String> params = SnHttp.params(request.query());
    rejectDisplayValues(params);
    Map<String, String> row =
        store.get(table, request.param("sys_id")).orElseThrow(ServiceNowError::notFound);
    return SnHttp.result(200, render(table, row, params));
  }

  FakeResponse create(FakeRequest request, String user) {
    String table = table(request);
    Map<String, String> row = store.insert(table, SnHttp.fields(request), user);
    return written(request, 201, table, row);
  }

  /** PATCH and PUT behave alike on an instance: only the named fields change. */
  FakeResponse update(FakeRequest request, String user) {
    String table = table(request);
    Map<String, String> fields = SnHttp.fields(request);
    Map<String, String> row =
        store
            .update(table, request.param("sys_id"), fields, user)
            .orElseThrow(ServiceNowError::notFound);
    return written(request, 200, table, row);
  }

  private FakeResponse written(
      FakeRequest request, int status, String table, Map<String, String> row) {
    if (SnHttp.noResponseBody(request)) {
      return FakeResponse.empty(status == 201 ? 201 : 204);
    }
    return SnHttp.result(status, render(table, row, SnHttp.params(request.query())));
  }

  /** One row as the API shows it: strings, references as {link, value}, dot-walks resolved. */
  ObjectNode render(String table, Map<String, String> row, Map<String, String> params) {
    boolean links = !"true".equals(params.get("sysparm_exclude_reference_link"));
    String fieldList = params.getOrDefault("sysparm_fields", "");
    List<String> fields =
        fieldList.isBlank()
            ? new ArrayList<>(row.keySet())
            : Arrays.stream(fieldList.split(","))
                .map(String::trim)
                .filter(f -> !f.isEmpty())
                .toList();
    Function<String, String> resolve = resolver(table, row);
    ObjectNode out = Json.object();
    for (String field : fields) {
      if (!field.contains(".") && !row.containsKey(field)) {
        continue; // invalid names in sysparm_fields are ignored
      }
      String value = resolve.apply(field);
      String refTable = field.contains(".") ? null : SnSchema.referenceTable(table, field);
      if (links && refTable != null && !value.isEmpty()) {
        ObjectNode ref = out.putObject(field);
        ref.put("link", baseUrl.get() + "/api/now/table/" + refTable + "/" + value);
        ref.put("value", value);
      } else {
        out.put(field, value);
      }
    }
    return out;
  }

  /** Reads a column of this row, following reference columns through dots; "" when absent. */
  Function<String, String> resolver(String table, Map<String, String> row) {
    return field -> resolve(table, row, field);
  }

  private String resolve(String table, Map<String, String> row, String field) {
    int dot = field.indexOf('.');
    if (dot < 0) {
      return row.getOrDefault(field, "");
    }
    String head = field.substring(0, dot);
    String refTable = SnSchema.referenceTable(table, head);
    String refId = row.getOrDefault(head, "");
    if (refTable == null || refId.isEmpty()) {
      return "";
    }
    return store
        .peek(refTable, refId)
        .map(ref -> resolve(refTable, ref, field.substring(dot + 1)))
        .orElse("");
  }

  private static String table(FakeRequest request) {
    String table = request.param("table");
    if (!SnSchema.TABLES.contains(table)) {
      throw new ServiceNowError(400, "Invalid table " + table, null);
    }
    return table;
  }

  private static void rejectDisplayValues(Map<String, String> params) {
    String display = params.getOrDefault("sysparm_display_value", "false");
    if (!display.equals("false")) {
      throw ServiceNowError.badRequest("sandbox supports only sysparm_display_value=false");
    }
  }

  private String links(String path, Map<String, String> params, int offset, int limit, int total) {
    int last = total == 0 ? 0 : ((total - 1) / limit) * limit;
    StringJoiner out = new StringJoiner(",");
    out.add(link(path, params, 0, limit, "first"));
    if (offset > 0) {
      out.add(link(path, params, Math.max(0, offset - limit), limit, "prev"));
    }
    if (offset + limit < total) {
      out.add(link(path, params, offset + limit, limit, "next"));
    }
    out.add(link(path, params, last, limit, "last"));
    return out.toString();
  }

  private String link(String path, Map<String, String> params, int offset, int limit, String rel) {
    Map<String, String> copy = new LinkedHashMap<>(params);
    copy.put("sysparm_offset", Integer.toString(offset));
    copy.put("sysparm_limit", Integer.toString(limit));
    StringJoiner query = new StringJoiner("&");
    copy.forEach((k, v) -> query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return "<" + baseUrl.get() + path + "?" + query + ">;rel=\"" + rel + "\"";
  }
}
