package dev.roster.activities.bulkimport;

/**
 * A chunk of rows in the source: where it starts and, once read, how many rows it holds. What a
 * workflow keeps between chunks (a few numbers, never rows); a chunk re-read from the same cursor
 * after a worker restart yields the same rows.
 *
 * @param byteOffset where the chunk's first row starts
 * @param lineNumber the physical line of that row
 * @param rowIndex the 0-based data row index of that row
 * @param rowsInChunk rows (valid or not) in the chunk; 0 for a chunk not read yet
 */
public record ChunkCursor(long byteOffset, long lineNumber, long rowIndex, int rowsInChunk) {
  public ChunkCursor {
    if (byteOffset < 0 || lineNumber < 1 || rowIndex < 0 || rowsInChunk < 0) {
      throw new IllegalArgumentException(
          "bad chunk cursor " + byteOffset + "/" + lineNumber + "/" + rowIndex + "/" + rowsInChunk);
    }
  }

  /** A cursor for the chunk starting at {@code position}, not read yet. */
  public static ChunkCursor at(CsvPosition position) {
    return new ChunkCursor(position.byteOffset(), position.lineNumber(), position.rowIndex(), 0);
  }

  /** Where reading starts. */
  public CsvPosition position() {
    return new CsvPosition(byteOffset, lineNumber, rowIndex);
  }
}
