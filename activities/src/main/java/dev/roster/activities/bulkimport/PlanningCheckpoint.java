package dev.roster.activities.bulkimport;

import java.util.List;
import java.util.Map;

/**
 * A planning pass's state at a row boundary, written to the import store before the heartbeat that
 * names it. Together with the first {@code reportBytes} of the attempt's report and the first
 * {@code seenBytes} of its log of emails seen, it is everything a retry needs to go on from {@code
 * position} as if it had read the source from the start.
 *
 * @param planningId the pass
 * @param attempt the activity attempt that wrote it (and its working files)
 * @param sequence its number within the attempt
 * @param sourceVersion what the source's opener reported; a retry that finds another version fails
 *     with {@code SOURCE_CHANGED}
 * @param delimiter the field delimiter found
 * @param header the header row
 * @param firstChunk where the first data row starts
 * @param position where the next row starts
 * @param reportBytes the length of the attempt's failure report at this point
 * @param seenBytes the length of the attempt's log of emails seen at this point
 * @param duplicateRows base64 of the duplicate rows' bitmap so far
 * @param rows data rows read
 * @param valid valid rows among them
 * @param withTeamRole valid rows asking for team access
 * @param invalidByReason invalid rows per reason
 * @param firstProblems the first problems, as the dry run lists them
 */
record PlanningCheckpoint(
    String planningId,
    int attempt,
    long sequence,
    String sourceVersion,
    char delimiter,
    List<String> header,
    ChunkCursor firstChunk,
    CsvPosition position,
    long reportBytes,
    long seenBytes,
    String duplicateRows,
    long rows,
    long valid,
    long withTeamRole,
    Map<RowProblem, Long> invalidByReason,
    List<ProblemSample> firstProblems) {

  PlanningHeartbeat heartbeat() {
    return new PlanningHeartbeat(
        planningId,
        attempt,
        sequence,
        position.byteOffset(),
        position.lineNumber(),
        position.rowIndex());
  }
}
