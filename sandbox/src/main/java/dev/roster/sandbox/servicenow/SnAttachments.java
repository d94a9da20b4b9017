package dev.roster.sandbox.servicenow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Attachment API: metadata rows live in {@code sys_attachment} (so they are also queryable
 * through the Table API), file bytes beside them. Rows carry the content's SHA-256 in {@code hash},
 * as an instance does for unencrypted attachments.
 *
 * <p>⚠ ServiceNow documents no Range support for {@code GET .../file}; the fake ignores {@code
 * Range} and always answers 200 with the whole file, the case a client must handle anyway.
 */
final class SnAttachments {
  /**
   * ⚠ Community knowledge, not in the docs: an Attachment variable's file is stored under {@code
   * ZZ_YY<table>} so it stays out of the record's attachment list.
   */
  static final String VARIABLE_PREFIX = "ZZ_YY";

  private final SnStore store;
  private final SnTableApi tables;
  private final Supplier<String> baseUrl;
  private final Map<String, byte[]> content = new ConcurrentHashMap<>();

  SnAttachments(SnStore store, SnTableApi tables, Supplier<String> baseUrl) {
    this.store = store;
    this.tables = tables;
    this.baseUrl = baseUrl;
  }

  /**
   * Stores a file on a record and returns the attachment's sys_id; {@code table} may carry the
   * {@link #VARIABLE_PREFIX} of a variable's file.
   *
   * @throws IllegalArgumentException when the record does not exist
   */
  String attach(
      String table, String sysId, String fileName, String contentType, byte[] bytes, String user) {
    if (store.peek(recordTable(table), sysId).isEmpty()) {
      throw new IllegalArgumentException("no " + recordTable(table) + " record " + sysId);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("file_name", fileName);
    fields.put("content_type", contentType);
    fields.put("size_bytes", Integer.toString(bytes.length));
    fields.put("hash", sha256(bytes));
    fields.put("table_name", table);
    fields.put("table_sys_id", sysId);
    Map<String, String> row = store.insert(SnSchema.ATTACHMENT, fields, user);
    String id = row.get("sys_id");
    content.put(id, bytes.clone());
    store.update(
        SnSchema.ATTACHMENT,
        id,
        Map.of("download_link", baseUrl.get() + "/api/now/attachment/" + id + "/file"),
        user);
    return id;
  }

  Optional<byte[]> bytes(String attachmentSysId) {
    return Optional.ofNullable(content.get(attachmentSysId)).map(byte[]::clone);
  }

  /** GET /api/now/attachment?sysparm_query=table_name=x^table_sys_id=y: 200 with [] when none. */
  FakeResponse list(FakeRequest request) {
    Map<String, String> params = SnHttp.params(request.query());
    EncodedQuery query = EncodedQuery.parse(params.get("sysparm_query"));
    int limit = SnHttp.intParam(params, "sysparm_limit", SnTableApi.DEFAULT_LIMIT);
    int offset = SnHttp.intParam(params, "sysparm_offset", 0);
    List<Map<String, String>> rows =
        store.all(SnSchema.ATTACHMENT).stream()
            .filter(row -> query.matches(tables.resolver(SnSchema.ATTACHMENT, row)))
            .filter(
                row -> store.visible(recordTable(row.get("table_name")), row.get("table_sys_id")))
            .skip(offset)
            .limit(limit)
            .toList();
    ArrayNode result = Json.MAPPER.createArrayNode();
    rows.forEach(row -> result.add(tables.render(SnSchema.ATTACHMENT, row, params)));
    return SnHttp.result(200, result);
  }

  FakeResponse metadata(FakeRequest request) {
    Map<String, String> row = visible(request.param("sys_id"));
    return SnHttp.result(200, tables.render(SnSchema.ATTACHMENT, row, Map.of()));
  }

  FakeResponse file(FakeRequest request) {
    Map<String, String> row = visible(request.param("sys_id"));
    byte[] bytes = content.getOrDefault(row.get("sys_id"), new byte[0]);
    ObjectNode meta = tables.render(SnSchema.ATTACHMENT, row, Map.of());
    return new FakeResponse(
        200,
        Map.of(
            "Content-Type",
            row.get("content_type"),
            "X-Attachment-Metadata",
            new String(Json.write(meta), StandardCharsets.UTF_8)),
        bytes);
  }

  /** POST /api/now/attachment/file?table_name&table_sys_id&file_name with the raw bytes. */
  FakeResponse upload(FakeRequest request, String user) {
    Map<String, String> params = SnHttp.params(request.query());
    String table = params.getOrDefault("table_name", "");
    String sysId = params.getOrDefault("table_sys_id", "");
    String fileName = params.getOrDefault("file_name", "");
    String type = request.header("Content-Type");
    if (table.isEmpty() || sysId.isEmpty() || fileName.isEmpty()) {
      throw ServiceNowError.badRequest("table_name, table_sys_id and file_name are required");
    }
    if (type == null || type.isBlank()) {
      throw ServiceNowError.badRequest("Content-Type is required");
    }
    if (store.get(table, sysId).isEmpty()) {
      throw new ServiceNowError(400, "Invalid table name or sys_id", table);
    }
    String id = attach(table, sysId, fileName, type, request.body(), user);
    Map<String, String> row = store.get(SnSchema.ATTACHMENT, id).orElseThrow();
    return SnHttp.result(201, tables.render(SnSchema.ATTACHMENT, row, Map.of()));
  }

  /** An attachment row whose record is visible; 404 otherwise, as an ACL would. */
  private Map<String, String> visible(String attachmentSysId) {
    Map<String, String> row =
        store.get(SnSchema.ATTACHMENT, attachmentSysId).orElseThrow(ServiceNowError::notFound);
    if (!store.visible(recordTable(row.get("table_name")), row.get("table_sys_id"))) {
      throw ServiceNowError.notFound();
    }
    return row;
  }

  /** The record's own table: a variable's file hides behind a prefix. */
  private static String recordTable(String tableName) {
    return tableName.startsWith(VARIABLE_PREFIX)
        ? tableName.substring(VARIABLE_PREFIX.length())
        : tableName;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
