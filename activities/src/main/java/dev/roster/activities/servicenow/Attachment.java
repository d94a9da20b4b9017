package dev.roster.activities.servicenow;

/**
 * An attachment's metadata from {@code sys_attachment}.
 *
 * @param sizeBytes the declared size, or -1 when the instance did not say
 */
public record Attachment(String sysId, String fileName, String contentType, long sizeBytes) {}
