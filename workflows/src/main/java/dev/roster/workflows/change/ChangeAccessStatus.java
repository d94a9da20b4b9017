package dev.roster.workflows.change;

import dev.roster.workflows.approval.ApprovalStatus;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.request.RequestStatus;
import dev.roster.workflows.tasks.ManualTask;
import java.util.List;

/**
 * What {@code status()} answers while ChangeAccess runs.
 *
 * @param phase {@code starting}, {@code approval}, {@code working}, {@code done}
 * @param subject the keyed hash of the person's email (never the email)
 * @param accounts per account: the changed ones, then the added ones (one pending {@code onboard}
 *     step while the child onboarding runs, then the child's own reports), then the removed ones
 * @param onboarding the child OnboardUser's workflow id that adds accounts, or null
 * @param withdrawal who withdrew the request and why, or null
 */
public record ChangeAccessStatus(
    String phase,
    String ticket,
    String subject,
    String requestedBy,
    ApprovalStatus approval,
    List<AccountReport> accounts,
    List<ManualTask> manualTasks,
    String onboarding,
    Decision withdrawal)
    implements RequestStatus {}
