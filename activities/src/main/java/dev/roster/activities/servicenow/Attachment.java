package dev.roster.activities.servicenow;

/**
 * An attachment's metadata from {@code sys_attachment}.
 *
 * @param tableName the table of the record it is attached to
 * @param tableSysId the sys_id of that record
 * @param sizeBytes the declared size, or -1 when the instance did not say
 * @param hash the SHA-256 of the content, or "" (encrypted attachments have none)
 * @param updatedOn {@code sys_updated_on}, or ""
 */
public record Attachment(
    String sysId,
    String tableName,
    String tableSysId,
    String fileName,
    String contentType,
    long sizeBytes,
    String hash,
    String updatedOn) {}
