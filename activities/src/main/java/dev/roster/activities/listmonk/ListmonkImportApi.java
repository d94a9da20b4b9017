package dev.roster.activities.listmonk;

import dev.roster.activities.listmonk.ListmonkTransport.Reply;
import dev.roster.activities.listmonk.ListmonkTypes.ImportParams;
import dev.roster.activities.listmonk.ListmonkTypes.ImportStatus;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * listmonk's subscriber import (vendors.md §3): one session per instance, no job id. Shares the
 * {@link ListmonkClient}'s transport and budget; obtain it with {@link ListmonkClient#imports()}.
 * Thread-safe; throws the {@code dev.roster.activities.http} exceptions. It does not keep this
 * process from starting two imports at once: {@link ListmonkImports} does.
 */
public final class ListmonkImportApi {
  private final ListmonkTransport transport;

  ListmonkImportApi(ListmonkTransport transport) {
    this.transport = transport;
  }

  /**
   * Starts the instance's one import. POST /api/import/subscribers as multipart: {@code params}
   * JSON and {@code file} CSV ({@code email,name,attributes}). Rejected (400 "An import is already
   * running…") while one runs.
   */
  public ImportStatus start(ImportParams params, String fileName, byte[] csv) {
    var wire =
        new ListmonkWire.ImportParamsBody(
            params.blocklist() ? "blocklist" : "subscribe",
            ",",
            params.lists(),
            params.subscriptionStatus(),
            params.overwriteUserinfo(),
            params.overwriteUserinfo(),
            params.overwriteSubscriptionStatus());
    RequestBody body =
        new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart(
                "params", new String(ListmonkQuery.jsonBytes(wire), StandardCharsets.UTF_8))
            .addFormDataPart("file", fileName, RequestBody.create(csv, MediaType.get("text/csv")))
            .build();
    return status(transport.send("startImport", request().post(body)));
  }

  /** The import session. GET /api/import/subscribers. */
  public ImportStatus status() {
    return status(transport.send("importStatus", request().get()));
  }

  /** The import log text. GET /api/import/subscribers/logs. */
  public String logs() {
    HttpUrl.Builder url = transport.url("import/subscribers/logs");
    return transport
        .send("importLogs", new Request.Builder().url(url.build()).get())
        .data(String.class);
  }

  /** Stops a running import and clears the session. DELETE /api/import/subscribers. */
  public ImportStatus clear() {
    return status(transport.send("clearImport", request().delete()));
  }

  private Request.Builder request() {
    return new Request.Builder().url(transport.url("import/subscribers").build());
  }

  private static ImportStatus status(Reply reply) {
    ListmonkWire.ImportBody b = reply.data(ListmonkWire.ImportBody.class);
    if (b.status() == null) {
      // "none" would read as no import at all; an answer without a status says nothing.
      throw reply.unreadable("no import status");
    }
    return new ImportStatus(
        b.name(),
        b.total() == null ? 0 : b.total(),
        b.imported() == null ? 0 : b.imported(),
        b.status());
  }
}
