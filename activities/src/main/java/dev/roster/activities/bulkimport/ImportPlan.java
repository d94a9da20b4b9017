package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.util.Base64;
import java.util.BitSet;
import java.util.List;

/**
 * The result of reading a source once from start to end: everything later chunks need to read it
 * again the same way, and nothing proportional to the rows except one bit per row.
 *
 * <p>Payload size: the header, the report's few samples, and {@code duplicateRows}, a bitmap of the
 * rows that repeat an earlier email, base64-encoded: at most rows/6 characters (17 KB for 100,000
 * rows, 170 KB at the 1,000,000-row default limit, under Temporal's 256 KB warning).
 *
 * @param source the reference to read chunks from
 * @param sourceVersion what the opener reported (size+mtime, ETag, Last-Modified), or null; a chunk
 *     from a source with another version fails with {@code SOURCE_CHANGED}
 * @param delimiter the field delimiter found or configured
 * @param header the header row as written
 * @param options how the file was read; chunks use the same
 * @param firstChunk where the first data row starts
 * @param duplicateRows base64 of {@link BitSet#toByteArray()} of duplicate row indexes
 * @param report counts and first problems
 */
public record ImportPlan(
    ImportSource source,
    String sourceVersion,
    char delimiter,
    List<String> header,
    ImportOptions options,
    ChunkCursor firstChunk,
    String duplicateRows,
    DryRunReport report) {

  public ImportPlan {
    requireNonNull(source, "source is null");
    header = List.copyOf(header);
    requireNonNull(options, "options is null");
    requireNonNull(firstChunk, "firstChunk is null");
    requireNonNull(duplicateRows, "duplicateRows is null");
    requireNonNull(report, "report is null");
  }

  static String encode(BitSet rows) {
    return Base64.getEncoder().encodeToString(rows.toByteArray());
  }

  static BitSet decode(String rows) {
    return BitSet.valueOf(Base64.getDecoder().decode(rows));
  }
}
