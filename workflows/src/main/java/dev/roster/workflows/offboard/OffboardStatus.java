package dev.roster.workflows.offboard;

import dev.roster.workflows.approval.ApprovalStatus;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.request.RequestStatus;
import dev.roster.workflows.tasks.ManualTask;
import java.util.List;

/**
 * What {@code status()} answers while OffboardUser runs.
 *
 * @param phase {@code starting}, {@code discovering}, {@code revoking}, {@code approval}, {@code
 *     erasing}, {@code done}
 * @param subject the keyed hash of the person's email (never the email)
 * @param plans what discovery found per account
 * @param cancelledOnboardings OnboardUser workflows of the same person that were cancelled
 * @param withdrawal who withdrew the request and why, or null
 */
public record OffboardStatus(
    String phase,
    String ticket,
    String subject,
    String requestedBy,
    boolean erase,
    ApprovalStatus approval,
    List<AccountPlan> plans,
    List<AccountReport> accounts,
    List<ManualTask> manualTasks,
    List<String> cancelledOnboardings,
    Decision withdrawal)
    implements RequestStatus {}
