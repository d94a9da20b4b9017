package dev.roster.workflows.change;

import dev.roster.workflows.request.RequestResult;

/**
 * The outcome of ChangeAccess.
 *
 * @param outcome {@code COMPLETED} (every account done), {@code PARTIAL}, {@code REJECTED} (the
 *     approval refused or timed out, nothing privileged changed), {@code CANCELLED} or {@code
 *     FAILED} (no account done)
 * @param summary one line in plain words
 */
public record ChangeAccessResult(String outcome, String summary, ChangeAccessStatus status)
    implements RequestResult {}
