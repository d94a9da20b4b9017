package dev.roster.starter.cli;

import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;

/** What a workflow said when it refused an Update. */
public final class Refusals {

  /** The validator's reason, without the failure's wrapping. */
  public static String reason(WorkflowUpdateException e) {
    return e.getCause() instanceof ApplicationFailure f
        ? f.getOriginalMessage()
        : String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
  }

  private Refusals() {}
}
