package dev.roster.workflows.watcher;

import dev.roster.workflows.team.MemberStatus;

/**
 * A waiter whose invitation no longer waits.
 *
 * @param workflowId the waiting workflow
 * @param status {@code ACTIVE} (accepted) or {@code ABSENT} (gone from the vendor's listing)
 */
public record SettledInvitation(String workflowId, MemberStatus status) {}
