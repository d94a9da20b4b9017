package dev.roster.workflows.bulkimport;

/**
 * What the planning pass found, without rows: the dry-run report of the source.
 *
 * @param planFile where the activities keep the plan (header, duplicate bitmap) beside the report
 * @param failureReport the CSV of rows not imported, with line numbers and reasons
 * @param rowsRead data rows in the source
 * @param valid rows that will be imported
 * @param invalid rows that will not (all in the failure report)
 * @param withTeamRole valid rows that also ask for team access
 * @param report the dry-run report as text: counts and the first problems, emails masked
 * @param first where the first chunk starts
 */
public record PlanSummary(
    String planFile,
    String failureReport,
    long rowsRead,
    long valid,
    long invalid,
    long withTeamRole,
    String report,
    ChunkPosition first) {}
