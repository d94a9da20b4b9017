package dev.roster.activities.bulkimport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The field a {@link CsvRowReader} is cutting: its bytes, kept up to the row limit, decoded as
 * UTF-8 once the field ends. Not thread-safe.
 */
final class CsvField {
  private final int maxRowBytes;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] bytes;
  private int length;
  private boolean invalidUtf8;

  CsvField(int maxRowBytes) {
    this.maxRowBytes = maxRowBytes;
    this.bytes = new byte[Math.min(maxRowBytes + 1, 1024)];
  }

  /** Starts a new row: an empty field, and no invalid UTF-8 seen yet. */
  void startRow() {
    length = 0;
    invalidUtf8 = false;
  }

  /** Whether a field of the current row was not valid UTF-8 (it was decoded with replacements). */
  boolean invalidUtf8() {
    return invalidUtf8;
  }

  /** Adds a byte, unless the row is past its limit and its content is being dropped. */
  void append(int b, boolean dropping) {
    if (dropping) {
      return;
    }
    if (length == bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.min(bytes.length * 2, maxRowBytes + 1));
    }
    bytes[length++] = (byte) b;
  }

  /** Ends the field: adds it to {@code fields} decoded (unless dropping) and starts the next. */
  void end(List<String> fields, boolean dropping) {
    if (!dropping) {
      try {
        fields.add(decoder.reset().decode(ByteBuffer.wrap(bytes, 0, length)).toString());
      } catch (CharacterCodingException e) {
        invalidUtf8 = true;
        fields.add(new String(bytes, 0, length, StandardCharsets.UTF_8));
      }
    }
    length = 0;
  }
}
