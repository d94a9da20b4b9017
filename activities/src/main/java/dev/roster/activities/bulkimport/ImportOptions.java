package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * How a source is read and validated. Part of the {@link ImportPlan}, so every chunk reads the file
 * exactly as the planning pass did.
 *
 * @param format delimiter and row size limit
 * @param attributeColumns extra header names (any case) mapped to vendor attribute names
 * @param unknownColumnsFatal refuse files with unknown columns instead of warning
 * @param maxProblems how many problems the dry-run report lists (all go to the failure CSV)
 * @param maxRows the most data rows accepted; bounds memory and the plan's payload
 * @param reportDirectory where the failure CSV goes; null writes it next to a file source (and is
 *     an error for URL and attachment sources)
 * @param reportName the failure CSV is {@code <reportName>.failures.csv}; null derives it from the
 *     file name (use the import's workflow id so retries overwrite, never multiply, reports)
 */
public record ImportOptions(
    CsvFormat format,
    Map<String, String> attributeColumns,
    boolean unknownColumnsFatal,
    int maxProblems,
    long maxRows,
    String reportDirectory,
    String reportName) {

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
    if (reportName != null && !reportName.matches("[A-Za-z0-9._-]{1,120}")) {
      throw new IllegalArgumentException(
          "import report name must be 1-120 letters, digits, '.', '_' or '-': " + reportName);
    }
  }

  /** Auto delimiter, 8 KiB rows, unknown columns warned, 20 problems listed, 1M rows. */
  public static ImportOptions defaults() {
    return new ImportOptions(
        CsvFormat.defaults(), Map.of(), false, DEFAULT_MAX_PROBLEMS, DEFAULT_MAX_ROWS, null, null);
  }

  public ImportOptions withFormat(CsvFormat value) {
    return new ImportOptions(
        value,
        attributeColumns,
        unknownColumnsFatal,
        maxProblems,
        maxRows,
        reportDirectory,
        reportName);
  }

  public ImportOptions withAttributeColumns(Map<String, String> value) {
    return new ImportOptions(
        format, value, unknownColumnsFatal, maxProblems, maxRows, reportDirectory, reportName);
  }

  public ImportOptions withUnknownColumnsFatal(boolean value) {
    return new ImportOptions(
        format, attributeColumns, value, maxProblems, maxRows, reportDirectory, reportName);
  }

  public ImportOptions withReport(String directory, String name) {
    return new ImportOptions(
        format, attributeColumns, unknownColumnsFatal, maxProblems, maxRows, directory, name);
  }

  public ImportOptions withMaxRows(long value) {
    return new ImportOptions(
        format,
        attributeColumns,
        unknownColumnsFatal,
        maxProblems,
        value,
        reportDirectory,
        reportName);
  }
}
