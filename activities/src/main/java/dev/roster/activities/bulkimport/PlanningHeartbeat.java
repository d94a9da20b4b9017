package dev.roster.activities.bulkimport;

/**
 * The heartbeat details of the planning activity: how far the pass got, and which checkpoint in the
 * import store holds its state (the emails seen, the counts, the report written so far). A retry
 * reads them and resumes at that checkpoint (or at a later one the same attempt wrote before it
 * stopped, whose heartbeat had not gone out yet) instead of reading the source from its start.
 *
 * @param planningId the pass (a fresh pass gets a new id; its plan file carries it)
 * @param attempt the activity attempt whose working files the checkpoint describes
 * @param sequence the checkpoint's number within that attempt
 * @param byteOffset where the next row starts in the source
 * @param lineNumber the physical line of that row
 * @param rowIndex data rows read before it
 */
public record PlanningHeartbeat(
    String planningId,
    int attempt,
    long sequence,
    long byteOffset,
    long lineNumber,
    long rowIndex) {}
