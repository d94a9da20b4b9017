package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

/** Sends each kind of {@link ImportSource} to the opener for it. Thread-safe. */
public final class RoutingSourceOpener implements SourceOpener {
  private final SourceOpener files;
  private final SourceOpener urls;
  private final AttachmentOpener attachments;

  public RoutingSourceOpener(
      FileSourceOpener files, HttpsSourceOpener urls, AttachmentOpener attachments) {
    this.files = requireNonNull(files, "files is null");
    this.urls = requireNonNull(urls, "urls is null");
    this.attachments = requireNonNull(attachments, "attachments is null");
  }

  @Override
  public OpenedSource open(ImportSource source, long byteOffset) {
    requireNonNull(source, "source is null");
    if (source instanceof ImportSource.ServiceNowAttachment attachment) {
      return attachments.openAttachment(attachment, byteOffset);
    }
    return source instanceof ImportSource.File
        ? files.open(source, byteOffset)
        : urls.open(source, byteOffset);
  }
}
