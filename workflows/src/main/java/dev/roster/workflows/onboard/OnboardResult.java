package dev.roster.workflows.onboard;

import dev.roster.workflows.request.RequestResult;

/**
 * The outcome of OnboardUser.
 *
 * @param outcome {@code COMPLETED} (all accounts done), {@code PARTIAL}, {@code REJECTED} (approval
 *     refused or timed out, nothing privileged done) or {@code FAILED} (no account done)
 * @param summary one line in plain words
 */
public record OnboardResult(String outcome, String summary, OnboardStatus status)
    implements RequestResult {}
