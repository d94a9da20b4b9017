package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the operator's CSV of rows that were not imported: {@code line, reason, detail, email} and
 * then the row's own cells under the source's header. It holds full emails (the operator's own
 * data, kept next to the source), so it is never logged. Cells that a spreadsheet would run as
 * formulas get a leading {@code '}. UTF-8 with a BOM (so spreadsheets detect the encoding), CRLF
 * line ends. Not thread-safe.
 */
public final class FailureReportWriter implements Closeable {
  /** The columns before the source's own. */
  public static final List<String> LEADING_COLUMNS = List.of("line", "reason", "detail", "email");

  private final Path path;
  private final Writer out;
  private long rows;

  private FailureReportWriter(Path path, Writer out) {
    this.path = path;
    this.out = out;
  }

  /**
   * Starts a new report, replacing any earlier one at {@code path} (a retried planning pass writes
   * the same report again, never a second one).
   */
  public static FailureReportWriter create(Path path, List<String> sourceHeader)
      throws IOException {
    requireNonNull(path, "path is null");
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    FailureReportWriter writer = new FailureReportWriter(path, out);
    out.write('\uFEFF');
    List<String> header = new ArrayList<>(LEADING_COLUMNS);
    header.addAll(sourceHeader);
    writer.writeRow(header);
    return writer;
  }

  /** Adds rows to an existing report, e.g. rows a vendor rejected during execution. */
  public static FailureReportWriter appendTo(Path path) throws IOException {
    BufferedWriter out =
        Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    return new FailureReportWriter(path, out);
  }

  /**
   * Where a plan's report goes: the configured directory, else the file source's directory.
   *
   * @throws ImportFailed {@code INVALID_SOURCE} for a URL or attachment without a directory
   */
  public static Path pathFor(ImportSource source, ImportOptions options) {
    String name = options.reportName();
    Path directory = options.reportDirectory() == null ? null : Path.of(options.reportDirectory());
    if (source instanceof ImportSource.File file) {
      Path sourcePath = Path.of(file.path());
      directory = directory != null ? directory : sourcePath.getParent();
      if (name == null) {
        String fileName = sourcePath.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        name = dot > 0 ? fileName.substring(0, dot) : fileName;
      }
    }
    if (directory == null) {
      throw new ImportFailed(
          ImportFailed.Kind.INVALID_SOURCE,
          "no report directory configured for " + source.describe());
    }
    return directory.resolve((name == null ? "import" : name) + ".failures.csv");
  }

  /** Adds a row that failed validation. */
  public void append(RowFailure failure) throws IOException {
    append(
        failure.line(),
        failure.reason().name(),
        failure.detail(),
        failure.email(),
        failure.fields());
  }

  /** Adds a row with a reason from anywhere (e.g. a vendor's per-row error). */
  public void append(long line, String reason, String detail, String email, List<String> cells)
      throws IOException {
    List<String> row = new ArrayList<>(cells.size() + 4);
    row.add(Long.toString(line));
    row.add(reason);
    row.add(detail);
    row.add(email == null ? "" : email);
    row.addAll(cells);
    writeRow(row);
    rows++;
  }

  /** The report's location. */
  public Path path() {
    return path;
  }

  /** Rows appended through this writer. */
  public long rowsWritten() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private void writeRow(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(escape(cells.get(i)));
    }
    out.write("\r\n");
  }

  /** Neutralises formulas, then quotes per RFC 4180 when needed. */
  static String escape(String cell) {
    String value = cell == null ? "" : cell;
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      value = "'" + value;
    }
    boolean quote =
        value.indexOf(',') >= 0
            || value.indexOf(';') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0
            || (!value.isEmpty() && value.strip().length() != value.length());
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
