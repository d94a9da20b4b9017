package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams CSV rows (RFC 4180 quoting, quoted line breaks, CRLF or LF, UTF-8 with an optional BOM)
 * from an {@link InputStream}, one row in memory at a time, and knows the exact byte offset and
 * physical line of every row boundary so a later reader can {@linkplain #resume resume} there.
 *
 * <p>It works on bytes: the delimiter, quote and line-break bytes never occur inside a UTF-8
 * multi-byte sequence, so fields are cut on bytes and decoded afterwards, and offsets stay exact.
 * Blank lines are skipped (but counted). Lenient where files from spreadsheets need it: text after
 * a closing quote and quotes inside an unquoted field are kept as text. Not thread-safe.
 */
public final class CsvRowReader implements Closeable {
  private static final int START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int AFTER_QUOTE = 3;

  private final CsvBytes bytes;
  private final CsvField field;
  private final int maxRowBytes;
  private byte delimiter;
  private long lineNumber;
  private long rowIndex;
  private List<String> header = List.of();

  private CsvRowReader(InputStream in, int maxRowBytes, CsvPosition at) {
    this.bytes = new CsvBytes(in, at.byteOffset());
    this.field = new CsvField(maxRowBytes);
    this.maxRowBytes = maxRowBytes;
    this.lineNumber = at.lineNumber();
    this.rowIndex = at.rowIndex();
  }

  /**
   * Reads from the start of a source: skips a BOM, picks the delimiter and reads the header row.
   *
   * @throws ImportFailed {@code BAD_HEADER} when there is no header row or it is oversized
   */
  public static CsvRowReader open(InputStream in, CsvFormat format) throws IOException {
    CsvRowReader reader = new CsvRowReader(in, format.maxRowBytes(), new CsvPosition(0, 1, 0));
    reader.bytes.skipBom();
    reader.delimiter =
        switch (format.delimiter()) {
          case COMMA -> (byte) ',';
          case SEMICOLON -> (byte) ';';
          case AUTO -> reader.bytes.detectDelimiter(format.maxRowBytes() + 2);
        };
    CsvRecord header = reader.readRecord();
    if (header == null) {
      throw new ImportFailed(ImportFailed.Kind.BAD_HEADER, "the file is empty: no header row");
    }
    if (header.oversized() || header.unterminatedQuote()) {
      throw new ImportFailed(
          ImportFailed.Kind.BAD_HEADER, "the header row on line 1 is unreadable or too long");
    }
    reader.header = header.fields();
    return reader;
  }

  /**
   * Continues reading at a row boundary that an earlier reader reported with {@link #position()};
   * {@code in} must already be positioned at {@code at.byteOffset()}.
   */
  public static CsvRowReader resume(
      InputStream in, char delimiter, int maxRowBytes, CsvPosition at) {
    CsvRowReader reader = new CsvRowReader(in, maxRowBytes, requireNonNull(at, "at is null"));
    reader.delimiter = (byte) delimiter;
    return reader;
  }

  /** The header row's fields as written; empty when resumed. */
  public List<String> header() {
    return header;
  }

  public char delimiter() {
    return (char) delimiter;
  }

  /** Where the next row starts: after the header, or after the row {@link #next()} returned. */
  public CsvPosition position() {
    return new CsvPosition(bytes.offset(), lineNumber, rowIndex);
  }

  /** The next data row, or null at the end of the source. */
  public CsvRecord next() throws IOException {
    CsvRecord record = readRecord();
    if (record != null) {
      rowIndex++;
    }
    return record;
  }

  /** Skips blank lines and tells whether anything is left. */
  public boolean atEnd() throws IOException {
    skipBlankLines();
    return bytes.peek() < 0;
  }

  @Override
  public void close() throws IOException {
    bytes.close();
  }

  private CsvRecord readRecord() throws IOException {
    skipBlankLines();
    if (bytes.peek() < 0) {
      return null;
    }
    long start = bytes.offset();
    long startLine = lineNumber;
    long contentEnd;
    List<String> fields = new ArrayList<>();
    boolean unterminated = false;
    field.startRow();
    int state = START;
    while (true) {
      int b = bytes.read();
      if (b < 0) {
        unterminated = state == QUOTED;
        contentEnd = bytes.offset();
        break;
      }
      // Past the limit, keep scanning for the end of the row but stop keeping its content.
      boolean dropping = bytes.offset() - start > maxRowBytes;
      if (state == QUOTED) {
        if (b == '"') {
          state = AFTER_QUOTE;
          continue;
        }
        if (b == '\n' || (b == '\r' && bytes.peek() != '\n')) {
          lineNumber++;
        }
        field.append(b, dropping);
      } else if (b == delimiter) {
        field.end(fields, dropping);
        state = START;
      } else if (b == '\n' || b == '\r') {
        contentEnd = bytes.offset() - 1;
        endLine(b);
        break;
      } else if (b == '"' && state == START) {
        state = QUOTED;
      } else {
        // An escaped quote ("") continues the quoted field; anything else is plain text.
        state = b == '"' && state == AFTER_QUOTE ? QUOTED : UNQUOTED;
        field.append(b, dropping);
      }
    }
    boolean oversized = contentEnd - start > maxRowBytes;
    field.end(fields, oversized);
    return new CsvRecord(
        startLine,
        rowIndex,
        start,
        bytes.offset() - start,
        fields,
        oversized,
        unterminated,
        field.invalidUtf8());
  }

  private void endLine(int b) throws IOException {
    if (b == '\r' && bytes.peek() == '\n') {
      bytes.skip();
    }
    lineNumber++;
  }

  private void skipBlankLines() throws IOException {
    while (true) {
      int b = bytes.peek();
      if (b != '\n' && b != '\r') {
        return;
      }
      bytes.skip();
      endLine(b);
    }
  }
}
