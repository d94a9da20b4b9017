package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

  private final InputStream in;
  private final byte[] buf = new byte[64 * 1024];
  private final int maxRowBytes;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] field;
  private int fieldLength;
  private int pos;
  private int limit;
  private byte delimiter;
  private long byteOffset;
  private long lineNumber;
  private long rowIndex;
  private List<String> header = List.of();
  private boolean invalidUtf8;

  private CsvRowReader(InputStream in, int maxRowBytes, CsvPosition at) {
    this.in = requireNonNull(in, "in is null");
    this.maxRowBytes = maxRowBytes;
    this.field = new byte[Math.min(maxRowBytes + 1, 1024)];
    this.byteOffset = at.byteOffset();
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
    reader.skipBom();
    reader.delimiter =
        switch (format.delimiter()) {
          case COMMA -> (byte) ',';
          case SEMICOLON -> (byte) ';';
          case AUTO -> reader.detectDelimiter();
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
    return new CsvPosition(byteOffset, lineNumber, rowIndex);
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
    return peek() < 0;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private CsvRecord readRecord() throws IOException {
    skipBlankLines();
    if (peek() < 0) {
      return null;
    }
    long start = byteOffset;
    long startLine = lineNumber;
    long contentEnd;
    List<String> fields = new ArrayList<>();
    boolean unterminated = false;
    invalidUtf8 = false;
    fieldLength = 0;
    int state = START;
    while (true) {
      int b = read();
      if (b < 0) {
        unterminated = state == QUOTED;
        contentEnd = byteOffset;
        break;
      }
      // Past the limit, keep scanning for the end of the row but stop keeping its content.
      boolean dropping = byteOffset - start > maxRowBytes;
      if (state == QUOTED) {
        if (b == '"') {
          state = AFTER_QUOTE;
          continue;
        }
        if (b == '\n' || (b == '\r' && peek() != '\n')) {
          lineNumber++;
        }
        append(b, dropping);
      } else if (b == delimiter) {
        endField(fields, dropping);
        state = START;
      } else if (b == '\n' || b == '\r') {
        contentEnd = byteOffset - 1;
        endLine(b);
        break;
      } else if (b == '"' && state == START) {
        state = QUOTED;
      } else {
        // An escaped quote ("") continues the quoted field; anything else is plain text.
        state = b == '"' && state == AFTER_QUOTE ? QUOTED : UNQUOTED;
        append(b, dropping);
      }
    }
    boolean oversized = contentEnd - start > maxRowBytes;
    endField(fields, oversized);
    return new CsvRecord(
        startLine,
        rowIndex,
        start,
        byteOffset - start,
        fields,
        oversized,
        unterminated,
        invalidUtf8);
  }

  private void endLine(int b) throws IOException {
    if (b == '\r' && peek() == '\n') {
      pos++;
      byteOffset++;
    }
    lineNumber++;
  }

  private void skipBlankLines() throws IOException {
    while (true) {
      int b = peek();
      if (b != '\n' && b != '\r') {
        return;
      }
      pos++;
      byteOffset++;
      endLine(b);
    }
  }

  private void append(int b, boolean dropping) {
    if (dropping) {
      return;
    }
    if (fieldLength == field.length) {
      field = Arrays.copyOf(field, Math.min(field.length * 2, maxRowBytes + 1));
    }
    field[fieldLength++] = (byte) b;
  }

  private void endField(List<String> fields, boolean dropping) {
    if (!dropping) {
      try {
        fields.add(decoder.reset().decode(ByteBuffer.wrap(field, 0, fieldLength)).toString());
      } catch (CharacterCodingException e) {
        invalidUtf8 = true;
        fields.add(new String(field, 0, fieldLength, StandardCharsets.UTF_8));
      }
    }
    fieldLength = 0;
  }

  private void skipBom() throws IOException {
    bufferAhead(3);
    if (limit - pos >= 3
        && (buf[pos] & 0xff) == 0xEF
        && (buf[pos + 1] & 0xff) == 0xBB
        && (buf[pos + 2] & 0xff) == 0xBF) {
      pos += 3;
      byteOffset += 3;
    }
  }

  /** {@code ;} when the header line has more semicolons than commas outside quotes. */
  private byte detectDelimiter() throws IOException {
    bufferAhead(Math.min(buf.length, maxRowBytes + 2));
    int commas = 0;
    int semicolons = 0;
    boolean quoted = false;
    for (int i = pos; i < limit; i++) {
      byte b = buf[i];
      if (b == '"') {
        quoted = !quoted;
      } else if (!quoted && (b == '\n' || b == '\r')) {
        break;
      } else if (!quoted && b == ',') {
        commas++;
      } else if (!quoted && b == ';') {
        semicolons++;
      }
    }
    return semicolons > commas ? (byte) ';' : (byte) ',';
  }

  private void bufferAhead(int wanted) throws IOException {
    System.arraycopy(buf, pos, buf, 0, limit - pos);
    limit -= pos;
    pos = 0;
    while (limit < wanted) {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        return;
      }
      limit += n;
    }
  }

  private int peek() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos] & 0xff;
  }

  private int read() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    byteOffset++;
    return buf[pos++] & 0xff;
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    pos = 0;
    limit = Math.max(n, 0);
    return n > 0;
  }
}
