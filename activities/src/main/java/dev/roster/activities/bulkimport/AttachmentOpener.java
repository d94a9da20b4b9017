package dev.roster.activities.bulkimport;

/**
 * Opens ServiceNow attachments. Implemented by the ServiceNow integration; until it is configured,
 * {@link #unavailable()} refuses attachment sources clearly.
 */
public interface AttachmentOpener {

  /**
   * Opens the attachment's content positioned at {@code byteOffset}. Idempotent: read-only.
   *
   * @throws ImportFailed with the same kinds as {@link SourceOpener#open}
   */
  OpenedSource openAttachment(ImportSource.ServiceNowAttachment attachment, long byteOffset);

  /** An opener that refuses every attachment with {@code INVALID_SOURCE}. */
  static AttachmentOpener unavailable() {
    return (attachment, byteOffset) -> {
      throw new ImportFailed(
          ImportFailed.Kind.INVALID_SOURCE,
          "ServiceNow attachments are not configured on this worker: " + attachment.describe());
    };
  }
}
