package dev.roster.workflows.bulkimport;

import dev.roster.workflows.request.RequestResult;

/**
 * The outcome of BulkImport.
 *
 * @param outcome {@code DRY_RUN}, {@code COMPLETED}, {@code PARTIAL} (some rows or accounts
 *     failed), {@code FAILED}, {@code REJECTED} or {@code TIMED_OUT} (approval), {@code CANCELLED}
 *     (withdrawn before anything was sent)
 * @param summary one line in plain words
 * @param report the dry-run report text (counts and first problems, emails masked)
 * @param failureReport the CSV of every row not imported, with line numbers and reasons
 */
public record BulkImportResult(
    String outcome, String summary, String report, String failureReport, BulkImportStatus status)
    implements RequestResult {}
