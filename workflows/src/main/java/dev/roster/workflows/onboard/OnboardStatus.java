package dev.roster.workflows.onboard;

import dev.roster.workflows.common.ApprovalStatus;
import java.util.List;

/**
 * What {@code status()} answers while OnboardUser runs.
 *
 * @param phase the current phase: {@code starting}, {@code approval}, {@code working}, {@code
 *     waiting-acceptance}, {@code done}
 * @param subject the keyed hash of the person's email (never the email)
 */
public record OnboardStatus(
    String phase,
    String ticket,
    String subject,
    String requestedBy,
    ApprovalStatus approval,
    List<AccountReport> accounts) {}
