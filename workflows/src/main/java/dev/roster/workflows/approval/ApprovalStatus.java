package dev.roster.workflows.approval;

import java.util.List;

/**
 * An approval request as {@code status()} shows it.
 *
 * @param state {@code not-required}, {@code waiting}, {@code approved}, {@code rejected}, {@code
 *     timed-out} or {@code withdrawn} (the request was withdrawn while waiting)
 * @param what what is to be approved, in plain words
 * @param requestedBy who asked (and so may not approve)
 * @param since workflow time the request started waiting, ISO-8601, or null
 * @param decision the answer, once there is one; for {@code withdrawn}, the withdrawal when the
 *     request knows it
 * @param refused decisions that were not accepted and why (e.g. the requester approving)
 * @param reminders how many reminders went out
 * @param approvals the approvals taken so far (more than one where the policy asks for two)
 * @param approvers who may decide, in words, or null where the policy names nobody for it
 */
public record ApprovalStatus(
    String state,
    String what,
    String requestedBy,
    String since,
    Decision decision,
    List<String> refused,
    int reminders,
    List<Decision> approvals,
    String approvers) {}
