package dev.roster.workflows.watcher;

/**
 * A workflow waiting for one invitation.
 *
 * @param workflowId who to signal
 * @param email whose invitation (payload only, never an id)
 */
public record Watch(String workflowId, String email) {}
