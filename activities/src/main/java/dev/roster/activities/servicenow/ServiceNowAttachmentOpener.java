package dev.roster.activities.servicenow;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.bulkimport.AttachmentOpener;
import dev.roster.activities.bulkimport.HttpsSourceConfig;
import dev.roster.activities.bulkimport.ImportFailed;
import dev.roster.activities.bulkimport.ImportSource;
import dev.roster.activities.bulkimport.OpenedSource;
import dev.roster.activities.bulkimport.PositionedDownload;
import dev.roster.activities.http.AuthFailed;
import dev.roster.activities.http.NotFound;
import dev.roster.activities.http.VendorException;
import java.io.InputStream;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a ticket's attachment as an import source through the Attachment API: the metadata first
 * (GET /api/now/attachment/{sys_id}), to check that the attachment belongs to the record the source
 * names and to learn its size and hash, then the content from the chunk's offset (GET .../file, see
 * {@link ServiceNowClient#openAttachmentFile}). Thread-safe.
 *
 * <p>Two calls per chunk, each taking a permit from the instance's budget.
 */
public final class ServiceNowAttachmentOpener implements AttachmentOpener {
  /**
   * ⚠ Not in the docs we found (community knowledge): the file of a catalog item's Attachment
   * variable is stored with this prefix before its table name (e.g. {@code ZZ_YYsc_req_item}), so
   * it stays out of the record's attachment list while still belonging to the record.
   */
  static final String VARIABLE_PREFIX = "ZZ_YY";

  private static final Logger log = LoggerFactory.getLogger(ServiceNowAttachmentOpener.class);

  private final ServiceNowClient client;
  private final HttpsSourceConfig limits;

  /**
   * @param client the instance's client (its auth and budget)
   * @param limits the size limit and the whole-download timeout ({@code callTimeout}); the connect
   *     and read timeouts are the client's
   */
  public ServiceNowAttachmentOpener(ServiceNowClient client, HttpsSourceConfig limits) {
    this.client = requireNonNull(client, "client is null");
    this.limits = requireNonNull(limits, "limits is null");
  }

  @Override
  public OpenedSource openAttachment(ImportSource.ServiceNowAttachment source, long byteOffset) {
    requireNonNull(source, "source is null");
    String shown = source.describe();
    Attachment meta;
    try {
      meta = client.getAttachment(source.attachmentSysId());
    } catch (VendorException e) {
      throw failure(e, shown);
    }
    if (!belongs(meta, source)) {
      // Never import another ticket's file by its id; the message does not say whose it is.
      throw new ImportFailed(
          ImportFailed.Kind.INVALID_SOURCE,
          "attachment "
              + source.attachmentSysId()
              + " is not attached to "
              + source.table()
              + "/"
              + source.sysId()
              + " on ServiceNow instance "
              + client.instance());
    }
    long size = meta.sizeBytes();
    if (size > limits.maxBytes()) {
      throw PositionedDownload.tooLarge(limits.maxBytes(), shown);
    }
    if (size >= 0 && byteOffset > size) {
      throw new ImportFailed(
          ImportFailed.Kind.SOURCE_CHANGED,
          "offset " + byteOffset + " is beyond the end of " + shown + " (" + size + " bytes)");
    }
    String version = version(meta);
    if (size >= 0 && byteOffset == size) {
      // The previous chunk ended at the end of the file: nothing to download.
      return new OpenedSource(InputStream.nullInputStream(), size, version);
    }
    Response response;
    try {
      response =
          client.openAttachmentFile(source.attachmentSysId(), byteOffset, limits.callTimeout());
    } catch (VendorException e) {
      throw failure(e, shown);
    }
    OpenedSource opened =
        PositionedDownload.open(response, byteOffset, limits.maxBytes(), version, shown);
    log.info(
        "import source opened source={} status={} offset={} length={}",
        shown,
        response.code(),
        byteOffset,
        opened.length());
    return opened.length() >= 0
        ? opened
        : new OpenedSource(opened.stream(), size, opened.version());
  }

  private static boolean belongs(Attachment meta, ImportSource.ServiceNowAttachment source) {
    boolean table =
        meta.tableName().equals(source.table())
            || meta.tableName().equals(VARIABLE_PREFIX + source.table());
    return table && meta.tableSysId().equals(source.sysId());
  }

  /**
   * The content's SHA-256 when the instance keeps one, else size and update time: a resumed import
   * compares it with the planned one.
   */
  private static String version(Attachment meta) {
    return meta.hash().isBlank()
        ? "size:" + meta.sizeBytes() + ";updated:" + meta.updatedOn()
        : "sha256:" + meta.hash();
  }

  private static String answer(VendorException e) {
    return e.status() == 0 ? "no answer" : "HTTP " + e.status();
  }

  /** The instance named, never the credential; the vendor exception kept as the cause. */
  private ImportFailed failure(VendorException e, String shown) {
    String instance = "ServiceNow instance " + client.instance();
    if (e instanceof AuthFailed) {
      return new ImportFailed(
          ImportFailed.Kind.SOURCE_ACCESS_DENIED,
          instance
              + " refused the integration user ("
              + answer(e)
              + ") reading "
              + shown
              + ": check its credentials and its read access to sys_attachment",
          e);
    }
    if (e instanceof NotFound) {
      return new ImportFailed(
          ImportFailed.Kind.SOURCE_NOT_FOUND,
          shown + " does not exist on " + instance + " (deleted, or hidden by an ACL)",
          e);
    }
    if (e.retryable()) {
      log.warn("import source unavailable source={} status={}", shown, e.status());
      return new ImportFailed(
          ImportFailed.Kind.SOURCE_UNAVAILABLE,
          instance + " cannot serve " + shown + " now (" + answer(e) + ")",
          e);
    }
    return new ImportFailed(
        ImportFailed.Kind.INVALID_SOURCE,
        instance + " refused to serve " + shown + ": " + e.getMessage(),
        e);
  }
}
