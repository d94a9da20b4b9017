package dev.roster.workflows.tasks;

/**
 * The {@code completeManualTask} signal's input.
 *
 * @param taskId which task
 * @param by who did it
 * @param note anything worth keeping (e.g. "invited via UI, role Designer")
 */
public record TaskCompletion(String taskId, String by, String note) {}
