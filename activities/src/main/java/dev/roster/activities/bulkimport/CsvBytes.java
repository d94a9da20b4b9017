package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes under a {@link CsvRowReader}: a buffered {@link InputStream} that counts the exact
 * offset of the next byte, so row boundaries can be resumed at. Not thread-safe.
 */
final class CsvBytes implements Closeable {
  private final InputStream in;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int limit;
  private long offset;

  /**
   * @param offset where in the source {@code in} stands
   */
  CsvBytes(InputStream in, long offset) {
    this.in = requireNonNull(in, "in is null");
    this.offset = offset;
  }

  /** The offset in the source of the next byte {@link #read()} returns. */
  long offset() {
    return offset;
  }

  /** The next byte without taking it, or -1 at the end. */
  int peek() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos] & 0xff;
  }

  /** Takes the next byte, or -1 at the end. */
  int read() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    offset++;
    return buf[pos++] & 0xff;
  }

  /** Takes the byte {@link #peek()} just returned. */
  void skip() {
    pos++;
    offset++;
  }

  /** Skips a UTF-8 byte order mark at the current position. */
  void skipBom() throws IOException {
    bufferAhead(3);
    if (limit - pos >= 3
        && (buf[pos] & 0xff) == 0xEF
        && (buf[pos + 1] & 0xff) == 0xBB
        && (buf[pos + 2] & 0xff) == 0xBF) {
      pos += 3;
      offset += 3;
    }
  }

  /**
   * {@code ;} when the line ahead (at most {@code maxLineBytes}) has more semicolons than commas
   * outside quotes, else {@code ,}. Takes nothing.
   */
  byte detectDelimiter(int maxLineBytes) throws IOException {
    bufferAhead(Math.min(buf.length, maxLineBytes));
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

  @Override
  public void close() throws IOException {
    in.close();
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
