package dev.roster.workflows.offboard;

import dev.roster.workflows.request.RequestResult;

/**
 * The outcome of OffboardUser.
 *
 * @param outcome {@code PLANNED} (plan only), {@code COMPLETED}, {@code PARTIAL} (something was not
 *     done: a failed account, an erasure rejected or timed out, an undeletable record), {@code
 *     CANCELLED} (withdrawn: nothing irreversible done, the summary says what was) or {@code
 *     FAILED} (no account done)
 * @param summary one line in plain words
 */
public record OffboardResult(String outcome, String summary, OffboardStatus status)
    implements RequestResult {}
