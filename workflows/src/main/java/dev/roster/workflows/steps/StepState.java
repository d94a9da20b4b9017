package dev.roster.workflows.steps;

/** The life of one step of a request, as shown by {@code status()} and in reports. */
public enum StepState {
  PENDING,
  RUNNING,
  WAITING,
  DONE,
  SKIPPED,
  FAILED,
  REJECTED,
  EXPIRED,
  CANCELLED;

  public boolean isFinal() {
    return this != PENDING && this != RUNNING && this != WAITING;
  }
}
