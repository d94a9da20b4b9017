package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Reads a planned source chunk by chunk. Each call opens the source at the cursor's byte offset,
 * reads at most one chunk and closes it, so a chunk needs nothing from an earlier one and a worker
 * restart resumes exactly at the last cursor the workflow recorded. Thread-safe (no mutable state;
 * each call builds its own reader and validator).
 */
public final class ChunkReader {
  private final SourceOpener opener;
  private final ImportPlan plan;
  private final ColumnMapping mapping;
  private final BitSet duplicates;

  public ChunkReader(SourceOpener opener, ImportPlan plan) {
    this.opener = requireNonNull(opener, "opener is null");
    this.plan = requireNonNull(plan, "plan is null");
    ImportOptions options = plan.options();
    this.mapping = ColumnMapping.of(plan.header(), options.attributeColumns(), false);
    this.duplicates = ImportPlan.decode(plan.duplicateRows());
  }

  /**
   * Reads the chunk starting at {@code cursor}: rows until {@code maxRows} rows (valid or not) or
   * {@code maxBytes} bytes of CSV have been read, whichever comes first, and at least one row. When
   * {@code cursor.rowsInChunk()} is positive the same chunk is read again with exactly that many
   * rows, whatever the limits. Idempotent: the same cursor always yields the same rows.
   *
   * <p>{@code maxBytes} bounds the raw CSV bytes; the chunk's JSON payload is at most about twice
   * that plus ~150 bytes per row, so 256 KB of CSV stays well under the 2 MB payload limit.
   *
   * @throws ImportFailed {@code SOURCE_CHANGED} when the source is no longer the planned version,
   *     {@code SOURCE_UNAVAILABLE} (retryable) on I/O errors, and the opener's kinds
   */
  public Chunk nextChunk(ChunkCursor cursor, int maxRows, long maxBytes) {
    requireNonNull(cursor, "cursor is null");
    if (maxRows < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("maxRows and maxBytes must be positive");
    }
    boolean replay = cursor.rowsInChunk() > 0;
    int rowLimit = replay ? cursor.rowsInChunk() : maxRows;
    long byteLimit = replay ? Long.MAX_VALUE : maxBytes;
    ImportSource source = plan.source();
    try (OpenedSource opened = opener.open(source, cursor.byteOffset())) {
      checkVersion(opened, source);
      CsvRowReader reader =
          CsvRowReader.resume(
              opened.stream(),
              plan.delimiter(),
              plan.options().format().maxRowBytes(),
              cursor.position());
      RowValidator validator =
          RowValidator.forChunks(mapping, plan.options().format().maxRowBytes(), duplicates);
      List<ImportRow> rows = new ArrayList<>();
      int read = 0;
      long bytes = 0;
      CsvPosition next = reader.position();
      while (read < rowLimit) {
        CsvRecord record = reader.next();
        if (record == null) {
          break;
        }
        if (read > 0 && bytes + record.byteLength() > byteLimit) {
          next = record.start();
          break;
        }
        read++;
        bytes += record.byteLength();
        if (validator.check(record) instanceof RowCheck.Valid valid) {
          rows.add(valid.row());
        }
        next = reader.position();
      }
      if (replay && read < rowLimit) {
        throw new ImportFailed(
            ImportFailed.Kind.SOURCE_CHANGED,
            "chunk at line "
                + cursor.lineNumber()
                + " is shorter than before: "
                + source.describe());
      }
      boolean last = next.byteOffset() == reader.position().byteOffset() && reader.atEnd();
      ChunkCursor chunk =
          new ChunkCursor(cursor.byteOffset(), cursor.lineNumber(), cursor.rowIndex(), read);
      return new Chunk(chunk, rows, read - rows.size(), ChunkCursor.at(next), last);
    } catch (IOException e) {
      throw new ImportFailed(
          ImportFailed.Kind.SOURCE_UNAVAILABLE,
          "cannot read " + source.describe() + " at line " + cursor.lineNumber(),
          e);
    }
  }

  private void checkVersion(OpenedSource opened, ImportSource source) {
    if (plan.sourceVersion() != null
        && opened.version() != null
        && !Objects.equals(plan.sourceVersion(), opened.version())) {
      throw new ImportFailed(
          ImportFailed.Kind.SOURCE_CHANGED,
          "the source changed since the import was planned: " + source.describe());
    }
  }
}
