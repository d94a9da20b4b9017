package dev.roster.workflows.watcher;

/**
 * A workflow waiting for one invitation, as runs started before waiters were kept by id alone
 * registered it (the {@code register} signal) and handed it on.
 *
 * @param workflowId who to signal
 * @param email whose invitation; null for a waiter registered by id, whose address the check
 *     activity looks up
 */
public record Watch(String workflowId, String email) {}
