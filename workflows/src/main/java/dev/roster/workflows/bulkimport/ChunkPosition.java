package dev.roster.workflows.bulkimport;

/**
 * Where a chunk starts in the source and, once read, how many rows it spans: the workflow's copy of
 * the activities' chunk cursor. Only numbers, never rows.
 *
 * @param byteOffset where the chunk's first row starts
 * @param lineNumber the physical line of that row
 * @param rowIndex the 0-based data row index of that row
 * @param rowsInChunk rows (valid or not) in the chunk; 0 for a chunk not read yet
 */
public record ChunkPosition(long byteOffset, long lineNumber, long rowIndex, int rowsInChunk) {}
