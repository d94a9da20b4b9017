package dev.roster.workflows.bulkimport;

import dev.roster.workflows.approval.ApprovalStatus;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.request.RequestStatus;
import dev.roster.workflows.tasks.ManualTask;
import java.util.List;

/**
 * What {@code status()} answers while BulkImport runs.
 *
 * @param phase {@code planning}, {@code approval}, {@code importing}, {@code done}
 * @param source the source as described for logs (no query strings)
 * @param progress counts per account
 */
public record BulkImportStatus(
    String phase,
    String ticket,
    String requestedBy,
    String source,
    ApprovalStatus approval,
    List<AccountReport> accounts,
    List<ManualTask> manualTasks,
    ImportProgress progress)
    implements RequestStatus {}
