package dev.roster.workflows.onboard;

import dev.roster.workflows.common.ApprovalStatus;
import dev.roster.workflows.common.RequestStatus;
import dev.roster.workflows.tasks.ManualTask;
import java.util.List;

/**
 * What {@code status()} answers while OnboardUser runs.
 *
 * @param phase the current phase: {@code starting}, {@code approval}, {@code working}, {@code
 *     waiting-acceptance}, {@code done}
 * @param subject the keyed hash of the person's email (never the email)
 * @param manualTasks steps people do by hand, open or done
 */
public record OnboardStatus(
    String phase,
    String ticket,
    String subject,
    String requestedBy,
    ApprovalStatus approval,
    List<AccountReport> accounts,
    List<ManualTask> manualTasks)
    implements RequestStatus {}
