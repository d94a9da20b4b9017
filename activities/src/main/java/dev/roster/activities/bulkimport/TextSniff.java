package dev.roster.activities.bulkimport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Tells a text CSV from a binary file by its first bytes, before anything is parsed: a spreadsheet,
 * archive, executable or UTF-16 file read as CSV gives nonsense rows whose bytes would end up in
 * the failure report. A source is binary when its first {@value #SNIFF_BYTES} bytes hold a NUL, or
 * when more than one in twenty of them are other control bytes (tab, line breaks and form feed
 * excepted).
 */
final class TextSniff {
  static final int SNIFF_BYTES = 8 * 1024;

  /**
   * The same bytes as {@code in}, after checking their start.
   *
   * @throws ImportFailed {@code NOT_TEXT} for a binary source
   */
  static InputStream requireText(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, SNIFF_BYTES);
    buffered.mark(SNIFF_BYTES);
    byte[] start = buffered.readNBytes(SNIFF_BYTES);
    buffered.reset();
    int controls = 0;
    for (byte raw : start) {
      int b = raw & 0xff;
      if (b == 0) {
        throw notText();
      }
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7f) {
        controls++;
      }
    }
    if (controls * 20 > start.length) {
      throw notText();
    }
    return buffered;
  }

  private static ImportFailed notText() {
    return new ImportFailed(
        ImportFailed.Kind.NOT_TEXT,
        "the source is not a text CSV (binary bytes or UTF-16 in its first "
            + SNIFF_BYTES / 1024
            + " KiB); save a spreadsheet as CSV (UTF-8) and import that");
  }

  private TextSniff() {}
}
