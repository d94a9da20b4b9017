package dev.roster.activities.servicenow;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.roster.activities.http.NotFound;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.VendorJson;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The ServiceNow Table and Attachment APIs over the shared HTTP layer (servicenow.md §2). One
 * instance per ServiceNow instance; thread-safe. Every call takes one permit from the budget and
 * throws the {@code dev.roster.activities.http} exceptions: 429 {@code RateLimited} with the
 * instance's {@code Retry-After}, 401/403 {@code AuthFailed}, 404 {@code NotFound} (missing and
 * ACL-hidden look alike), other 4xx {@code Rejected}, 5xx and I/O {@code VendorUnavailable}.
 *
 * <p>Records come back as column -> string maps: reads ask for {@code
 * sysparm_exclude_reference_link=true} so references are plain sys_ids.
 */
public final class ServiceNowClient {
  static final String VENDOR = "servicenow";

  /** ServiceNow documents no request-id response header; this common one is a guess. */
  public static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id");

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final HttpUrl instanceUrl;
  private final ServiceNowTransport transport;
  private final ServiceNowRecords records;

  /**
   * @param instanceUrl e.g. {@code https://acme.service-now.com}
   * @param budget this process's share of the integration user's hourly rate-limit rule
   * @param http from {@code VendorHttp.newClient("servicenow", REQUEST_ID_HEADERS)}
   */
  public ServiceNowClient(
      HttpUrl instanceUrl, ServiceNowAuth auth, RateBudget budget, OkHttpClient http, Clock clock) {
    this.instanceUrl = requireNonNull(instanceUrl, "instanceUrl is null");
    this.transport =
        new ServiceNowTransport(
            instanceUrl,
            requireNonNull(auth, "auth is null"),
            requireNonNull(budget, "budget is null"),
            requireNonNull(http, "http is null"),
            requireNonNull(clock, "clock is null"));
    this.records = new ServiceNowRecords();
  }

  public ServiceNowClient(
      HttpUrl instanceUrl, ServiceNowAuth auth, RateBudget budget, OkHttpClient http) {
    this(instanceUrl, auth, budget, http, Clock.systemUTC());
  }

  /**
   * One record. GET /api/now/table/{table}/{sys_id}. Read-only.
   *
   * @param fields the columns to return; empty for all
   * @throws NotFound when the record is missing or an ACL hides it
   */
  public Map<String, String> getRecord(String table, String sysId, List<String> fields) {
    HttpUrl.Builder url = table(table).addPathSegment(sysId);
    readParams(url, fields);
    ServiceNowReply reply = send("getRecord", get(url));
    return records.record(reply.result(true));
  }

  /**
   * One page of an encoded query. GET /api/now/v2/table/{table}. Read-only. A short page does not
   * mean the end (the limit applies before ACLs): use {@link QueryPage#hasMore()}.
   */
  public QueryPage query(
      String table, String encodedQuery, List<String> fields, int limit, int offset) {
    if (limit < 1 || offset < 0) {
      throw new IllegalArgumentException("limit must be >= 1 and offset >= 0");
    }
    HttpUrl.Builder url = v2Table(table);
    if (encodedQuery != null && !encodedQuery.isBlank()) {
      url.addQueryParameter("sysparm_query", encodedQuery);
    }
    readParams(url, fields);
    url.addQueryParameter("sysparm_limit", Integer.toString(limit));
    url.addQueryParameter("sysparm_offset", Integer.toString(offset));
    ServiceNowReply reply;
    try {
      reply = send("query", get(url));
    } catch (NotFound noRows) {
      // v1 answers 404 for "no rows"; v2 should not, but an older instance might.
      return new QueryPage(List.of(), 0, offset, false);
    }
    return records.page(
        reply.result(false), reply.header("X-Total-Count"), reply.header("Link"), offset, limit);
  }

  /**
   * Updates the named columns. PATCH /api/now/table/{table}/{sys_id}. Writing {@code work_notes} or
   * {@code comments} APPENDS a journal entry, so a repeated patch with a journal field is not
   * idempotent ({@link TicketWriter#addWorkNote} is).
   *
   * @return the record after the update (journal fields read back empty)
   */
  public Map<String, String> patch(String table, String sysId, Map<String, String> fields) {
    HttpUrl.Builder url = table(table).addPathSegment(sysId);
    url.addQueryParameter("sysparm_exclude_reference_link", "true");
    ServiceNowReply reply =
        send("patch", new Request.Builder().url(url.build()).patch(json(fields)));
    return reply.written(records.record(reply.result(true)));
  }

  /** Inserts a record. POST /api/now/table/{table}. Not idempotent. */
  public Map<String, String> create(String table, Map<String, String> fields) {
    HttpUrl.Builder url = table(table).addQueryParameter("sysparm_exclude_reference_link", "true");
    ServiceNowReply reply =
        send("create", new Request.Builder().url(url.build()).post(json(fields)));
    return reply.written(records.record(reply.result(true)));
  }

  /** Attachments of a record. GET /api/now/attachment. Read-only. */
  public List<Attachment> listAttachments(String table, String sysId) {
    HttpUrl.Builder url =
        instanceUrl
            .newBuilder()
            .addPathSegments("api/now/attachment")
            .addQueryParameter("sysparm_query", "table_name=" + table + "^table_sys_id=" + sysId);
    ServiceNowReply reply = send("listAttachments", get(url));
    return records.attachments(reply.result(false));
  }

  /**
   * One attachment's metadata. GET /api/now/attachment/{sys_id}. Read-only.
   *
   * @throws NotFound when the attachment is missing or an ACL hides it
   */
  public Attachment getAttachment(String attachmentSysId) {
    ServiceNowReply reply = send("getAttachment", get(attachment(attachmentSysId)));
    return records.attachment(reply.result(true));
  }

  /**
   * Opens an attachment's content from {@code byteOffset}. GET /api/now/attachment/{sys_id}/file
   * with {@code Range: bytes=<offset>-} when the offset is not 0, and identity encoding (so offsets
   * count the file's own bytes). ⚠ ServiceNow documents no Range support for this endpoint: expect
   * 200 with the whole file as well as 206. Read-only.
   *
   * @param callTimeout the whole download, body included (longer than the client's default)
   * @return the open 200 or 206 response; the caller closes it
   */
  public Response openAttachmentFile(
      String attachmentSysId, long byteOffset, Duration callTimeout) {
    if (byteOffset < 0) {
      throw new IllegalArgumentException("byteOffset must be >= 0");
    }
    Request.Builder request =
        get(attachment(attachmentSysId).addPathSegment("file"))
            .header("Accept-Encoding", "identity");
    if (byteOffset > 0) {
      request.header("Range", "bytes=" + byteOffset + "-");
    }
    return transport.execute("downloadAttachment", request, true, callTimeout);
  }

  /** The instance as messages may name it: scheme, host and port only. */
  public String instance() {
    return instanceUrl.scheme() + "://" + instanceUrl.host() + port();
  }

  private String port() {
    return instanceUrl.port() == HttpUrl.defaultPort(instanceUrl.scheme())
        ? ""
        : ":" + instanceUrl.port();
  }

  private ServiceNowReply send(String operation, Request.Builder request) {
    return transport.send(operation, request);
  }

  private HttpUrl.Builder attachment(String attachmentSysId) {
    return instanceUrl
        .newBuilder()
        .addPathSegments("api/now/attachment")
        .addPathSegment(attachmentSysId);
  }

  private HttpUrl.Builder table(String table) {
    return instanceUrl.newBuilder().addPathSegments("api/now/table").addPathSegment(table);
  }

  private HttpUrl.Builder v2Table(String table) {
    return instanceUrl.newBuilder().addPathSegments("api/now/v2/table").addPathSegment(table);
  }

  private static void readParams(HttpUrl.Builder url, List<String> fields) {
    if (fields != null && !fields.isEmpty()) {
      url.addQueryParameter("sysparm_fields", String.join(",", fields));
    }
    url.addQueryParameter("sysparm_exclude_reference_link", "true");
    url.addQueryParameter("sysparm_display_value", "false");
  }

  private static Request.Builder get(HttpUrl.Builder url) {
    return new Request.Builder().url(url.build()).get();
  }

  private static RequestBody json(Map<String, String> fields) {
    try {
      return RequestBody.create(VendorJson.MAPPER.writeValueAsBytes(fields), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise fields", e);
    }
  }
}
