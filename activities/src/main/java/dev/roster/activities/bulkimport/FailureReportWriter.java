package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the operator's CSV of rows that were not imported: {@code line, reason, detail} and then
 * the row's own cells under the source's header (its email column included, so the email appears
 * once). A row known only by its email (a vendor's refusal) has the email in the source's email
 * column and the other cells empty. It holds full emails (the operator's own data, in the import
 * store, owner-only), so it is never logged. Cells that a spreadsheet would run as formulas get a
 * leading {@code '}. UTF-8 with a BOM (so spreadsheets detect the encoding), CRLF line ends. Not
 * thread-safe.
 */
public final class FailureReportWriter implements Closeable {
  /** The columns before the source's own. */
  public static final List<String> LEADING_COLUMNS = List.of("line", "reason", "detail");

  private final Path path;
  private final FileChannel channel;
  private final Writer out;
  private final int emailColumn;
  private long rows;

  private FailureReportWriter(Path path, FileChannel channel, int emailColumn) {
    this.path = path;
    this.channel = channel;
    this.out =
        new BufferedWriter(
            new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
    this.emailColumn = emailColumn;
  }

  /**
   * Starts a new report (owner-only), replacing any earlier one at {@code path}.
   *
   * @param emailColumn the source's email column, where a refused row's email goes
   */
  public static FailureReportWriter create(Path path, List<String> sourceHeader, int emailColumn)
      throws IOException {
    requireNonNull(path, "path is null");
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      ImportStore.createDirectories(parent);
    }
    FileChannel channel =
        ImportStore.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    FailureReportWriter writer = new FailureReportWriter(path, channel, emailColumn);
    writer.out.write('\uFEFF');
    List<String> header = new ArrayList<>(LEADING_COLUMNS);
    header.addAll(sourceHeader);
    writer.writeRow(header);
    return writer;
  }

  /**
   * Adds rows to an existing report: rows a vendor refused, or a planning pass resumed at a
   * checkpoint.
   */
  public static FailureReportWriter appendTo(Path path, int emailColumn) throws IOException {
    FileChannel channel = ImportStore.open(path, StandardOpenOption.APPEND);
    return new FailureReportWriter(path, channel, emailColumn);
  }

  /** Adds a row that failed validation, with its cells as read. */
  public void append(RowFailure failure) throws IOException {
    append(failure.line(), failure.reason().name(), failure.detail(), failure.fields());
  }

  /** Adds a row known only by its email (e.g. a vendor's per-row error). */
  public void appendRefused(long line, String reason, String detail, String email)
      throws IOException {
    List<String> cells = new ArrayList<>();
    for (int i = 0; i <= emailColumn; i++) {
      cells.add(i == emailColumn && email != null ? email : "");
    }
    append(line, reason, detail, cells);
  }

  private void append(long line, String reason, String detail, List<String> cells)
      throws IOException {
    List<String> row = new ArrayList<>(cells.size() + LEADING_COLUMNS.size());
    row.add(Long.toString(line));
    row.add(reason);
    row.add(detail);
    row.addAll(cells);
    writeRow(row);
    rows++;
  }

  /** Writes out what is buffered; returns the report's size in bytes, for a checkpoint. */
  long flushedSize() throws IOException {
    out.flush();
    return channel.size();
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
    try (channel) {
      out.close();
    }
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
