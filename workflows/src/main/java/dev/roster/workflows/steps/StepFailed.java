package dev.roster.workflows.steps;

/**
 * Ends one account's steps after a step failed (the step log already says why). Thrown and caught
 * inside workflow code; it never leaves the workflow, so it carries no stack trace.
 */
public final class StepFailed extends RuntimeException {
  private final String step;

  public StepFailed(String step) {
    super(step, null, false, false);
    this.step = step;
  }

  /** The step that failed. */
  public String step() {
    return step;
  }
}
