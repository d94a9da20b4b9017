package dev.roster.workflows.common;

/**
 * Something people should hear about: an approval reminder, a request that needs a hand.
 *
 * @param workflowId which request
 * @param ticket the ticket it belongs to, or null
 * @param kind e.g. {@code approval-reminder}, {@code approval-timeout}, {@code invitation-expired}
 * @param text plain words, no email addresses
 */
public record Notice(String workflowId, String ticket, String kind, String text) {}
