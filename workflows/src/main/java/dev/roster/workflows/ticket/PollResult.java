package dev.roster.workflows.ticket;

import java.util.List;

/**
 * What one poll did.
 *
 * @param next the cursor for the next poll
 * @param started workflow ids started (or attached to) for new or changed tickets
 * @param refused tickets that could not start, with the reason (bad variables, unknown account)
 */
public record PollResult(PollCursor next, List<String> started, List<String> refused) {}
