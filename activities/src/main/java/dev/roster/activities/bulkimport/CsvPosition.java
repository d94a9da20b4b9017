package dev.roster.activities.bulkimport;

/**
 * A row boundary in a CSV source: where reading can start again.
 *
 * @param byteOffset bytes from the start of the source (BOM included)
 * @param lineNumber the 1-based physical line that starts there
 * @param rowIndex how many data rows (header excluded) come before it
 */
public record CsvPosition(long byteOffset, long lineNumber, long rowIndex) {
  public CsvPosition {
    if (byteOffset < 0 || lineNumber < 1 || rowIndex < 0) {
      throw new IllegalArgumentException(
          "bad CSV position " + byteOffset + "/" + lineNumber + "/" + rowIndex);
    }
  }
}
