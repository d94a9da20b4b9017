package dev.roster.activities.bulkimport;

import java.util.List;

/**
 * One data row as read, before any meaning is given to it.
 *
 * @param lineNumber the physical line its first byte is on
 * @param rowIndex 0-based index among data rows
 * @param byteOffset where the row starts
 * @param byteLength its length in bytes, line terminator included
 * @param fields the decoded fields; partial when {@code oversized}
 * @param oversized longer than the format's limit: its content was not kept
 * @param unterminatedQuote a quoted field ran to the end of the source
 * @param invalidUtf8 a field was not valid UTF-8 (decoded with replacement characters)
 */
public record CsvRecord(
    long lineNumber,
    long rowIndex,
    long byteOffset,
    long byteLength,
    List<String> fields,
    boolean oversized,
    boolean unterminatedQuote,
    boolean invalidUtf8) {

  public CsvRecord {
    fields = List.copyOf(fields);
  }

  /** The position of this row's start. */
  CsvPosition start() {
    return new CsvPosition(byteOffset, lineNumber, rowIndex);
  }
}
