package dev.roster.activities.bulkimport;

import java.util.List;

/**
 * One chunk's valid rows and where the next chunk starts.
 *
 * @param chunk the chunk just read: its start and how many rows (valid or not) it spans
 * @param rows the valid rows, in file order
 * @param invalidRows rows in the chunk that are not imported (already in the failure report)
 * @param next where the following chunk starts ({@code rowsInChunk} 0)
 * @param last whether nothing follows this chunk
 */
public record Chunk(
    ChunkCursor chunk, List<ImportRow> rows, int invalidRows, ChunkCursor next, boolean last) {
  public Chunk {
    rows = List.copyOf(rows);
  }
}
