package dev.roster.workflows.steps;

/**
 * One step of the work for one vendor account.
 *
 * @param name what the step does: {@code approval}, {@code invite}, {@code acceptance}, ...
 * @param state where it is
 * @param detail a plain-words explanation (the vendor's reason on failure); never a credential
 * @param updatedAt workflow time of the last change, ISO-8601
 */
public record Step(String name, StepState state, String detail, String updatedAt) {}
