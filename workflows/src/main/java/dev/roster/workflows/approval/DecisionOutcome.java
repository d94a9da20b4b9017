package dev.roster.workflows.approval;

/**
 * What an {@code approve}, {@code reject} or {@code cancel} Update did, returned to the caller.
 *
 * @param result {@code approved}, {@code rejected}, {@code recorded} (an approval counted while the
 *     policy asks for more) or {@code withdrawn}
 * @param detail what it concerned, in plain words
 */
public record DecisionOutcome(String result, String detail) {}
