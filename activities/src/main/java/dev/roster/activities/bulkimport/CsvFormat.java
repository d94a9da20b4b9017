package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

/**
 * How a CSV file is split.
 *
 * @param delimiter {@code AUTO} picks {@code ,} or {@code ;} from the header line
 * @param maxRowBytes the largest row accepted, in bytes as written (quotes included); larger rows
 *     are reported as oversized and never held in memory
 */
public record CsvFormat(Delimiter delimiter, int maxRowBytes) {
  public static final int DEFAULT_MAX_ROW_BYTES = 8 * 1024;

  /** The field separator. */
  public enum Delimiter {
    AUTO,
    COMMA,
    SEMICOLON
  }

  public CsvFormat {
    requireNonNull(delimiter, "delimiter is null");
    if (maxRowBytes < 64) {
      throw new IllegalArgumentException("import.maxRowBytes must be at least 64: " + maxRowBytes);
    }
  }

  /** Auto-detected delimiter, 8 KiB rows. */
  public static CsvFormat defaults() {
    return new CsvFormat(Delimiter.AUTO, DEFAULT_MAX_ROW_BYTES);
  }
}
