package dev.roster.workflows.steps;

import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ordered steps of one vendor account's work, stamped with workflow time. */
public final class StepLog {
  private final Map<String, Step> steps = new LinkedHashMap<>();

  /** Declares a step up front so {@code status()} shows the whole plan from the start. */
  public void plan(String name) {
    set(name, StepState.PENDING, null);
  }

  public void set(String name, StepState state, String detail) {
    steps.put(
        name,
        new Step(
            name, state, detail, Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString()));
  }

  /** Marks every step that has not run yet as skipped, with the reason. */
  public void skipRemaining(String reason) {
    for (Step s : new ArrayList<>(steps.values())) {
      if (s.state() == StepState.PENDING) {
        set(s.name(), StepState.SKIPPED, reason);
      }
    }
  }

  /** The step's state, or null when no such step is planned. */
  public StepState stateOf(String name) {
    Step step = steps.get(name);
    return step == null ? null : step.state();
  }

  public List<Step> snapshot() {
    return List.copyOf(steps.values());
  }
}
