package dev.roster.workflows.bulkimport;

/**
 * A chunk handed to a vendor.
 *
 * @param jobId the vendor's job id, or null when the chunk had no valid rows
 * @param chunk the chunk read, with its {@code rowsInChunk}
 * @param next where the next chunk starts
 * @param last whether this was the source's last chunk
 * @param rowsSent valid rows sent
 * @param invalidRows rows skipped because validation refused them
 */
public record SentChunk(
    String jobId,
    ChunkPosition chunk,
    ChunkPosition next,
    boolean last,
    int rowsSent,
    int invalidRows) {}
