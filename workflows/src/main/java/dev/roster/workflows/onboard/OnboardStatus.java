package dev.roster.workflows.onboard;

import dev.roster.workflows.approval.ApprovalStatus;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.request.RequestStatus;
import dev.roster.workflows.tasks.ManualTask;
import java.util.List;

/**
 * What {@code status()} answers while OnboardUser runs.
 *
 * @param phase the current phase: {@code starting}, {@code approval}, {@code working}, {@code
 *     waiting-acceptance}, {@code done}
 * @param subject the keyed hash of the person's email (never the email)
 * @param manualTasks steps people do by hand, open or done
 * @param amendments what was added after the start, in plain words, oldest first; null in histories
 *     recorded before amendments existed
 * @param withdrawal who withdrew the request and why, or null
 */
public record OnboardStatus(
    String phase,
    String ticket,
    String subject,
    String requestedBy,
    ApprovalStatus approval,
    List<AccountReport> accounts,
    List<ManualTask> manualTasks,
    List<String> amendments,
    Decision withdrawal)
    implements RequestStatus {}
