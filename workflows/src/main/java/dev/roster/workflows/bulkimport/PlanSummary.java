package dev.roster.workflows.bulkimport;

/**
 * What the planning pass found, without rows: the dry-run report of the source.
 *
 * @param planFile the plan (header, duplicate bitmap) in the import store, relative to it ({@code
 *     <import>/plan-<id>.json}), so every worker finds it wherever it mounts the store
 * @param failureReport the CSV of rows not imported, with line numbers and reasons, as the planning
 *     worker sees it (under its {@code imports.store})
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
