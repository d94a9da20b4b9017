package dev.roster.workflows.bulkimport;

/**
 * A vendor job started and not yet confirmed.
 *
 * @param jobId the vendor's job id
 * @param chunk the chunk it carries ({@code rowsInChunk} set, so it can be read again exactly)
 * @param rows valid rows sent in it
 */
public record PendingJob(String jobId, ChunkPosition chunk, int rows) {}
