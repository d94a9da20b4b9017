package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * How a source is read and validated. Part of the {@link ImportPlan}, so every chunk reads the file
 * exactly as the planning pass did. Where the failure report goes is not an option: it is always
 * the import's directory in the {@link ImportStore}.
 *
 * @param format delimiter and row size limit
 * @param attributeColumns extra header names (any case) mapped to vendor attribute names
 * @param unknownColumnsFatal refuse files with unknown columns instead of warning
 * @param maxProblems how many problems the dry-run report lists (all go to the failure CSV)
 * @param maxRows the most data rows accepted; bounds memory and the plan's payload
 */
public record ImportOptions(
    CsvFormat format,
    Map<String, String> attributeColumns,
    boolean unknownColumnsFatal,
    int maxProblems,
    long maxRows) {

  public static final int DEFAULT_MAX_PROBLEMS = 20;
  public static final long DEFAULT_MAX_ROWS = 1_000_000;

  public ImportOptions {
    requireNonNull(format, "format is null");
    attributeColumns = attributeColumns == null ? Map.of() : Map.copyOf(attributeColumns);
    // Row indexes live in a BitSet, and the plan's duplicate bitmap must stay a small payload.
    if (maxProblems < 0 || maxRows <= 0 || maxRows > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "import.maxProblems must be >= 0 and import.maxRows > 0: "
              + maxProblems
              + ", "
              + maxRows);
    }
  }

  /** Auto delimiter, 8 KiB rows, unknown columns warned, 20 problems listed, 1M rows. */
  public static ImportOptions defaults() {
    return new ImportOptions(
        CsvFormat.defaults(), Map.of(), false, DEFAULT_MAX_PROBLEMS, DEFAULT_MAX_ROWS);
  }

  public ImportOptions withFormat(CsvFormat value) {
    return new ImportOptions(value, attributeColumns, unknownColumnsFatal, maxProblems, maxRows);
  }

  public ImportOptions withAttributeColumns(Map<String, String> value) {
    return new ImportOptions(format, value, unknownColumnsFatal, maxProblems, maxRows);
  }

  public ImportOptions withUnknownColumnsFatal(boolean value) {
    return new ImportOptions(format, attributeColumns, value, maxProblems, maxRows);
  }

  public ImportOptions withMaxRows(long value) {
    return new ImportOptions(format, attributeColumns, unknownColumnsFatal, maxProblems, value);
  }
}
