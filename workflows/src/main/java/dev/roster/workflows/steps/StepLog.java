package dev.roster.workflows.steps;

import dev.roster.workflows.failure.ActivityFailures;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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

  /**
   * Runs a step: RUNNING, then DONE with what {@code body} returns. An activity failure marks it
   * FAILED with the failure's reason and throws {@link StepFailed}; a cancellation (the request was
   * withdrawn) is rethrown as it is, for the caller to record.
   */
  public void run(String name, Supplier<String> body) {
    set(name, StepState.RUNNING, null);
    try {
      set(name, StepState.DONE, body.get());
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof CanceledFailure cancelled) {
        throw cancelled;
      }
      set(name, StepState.FAILED, ActivityFailures.reason(e));
      throw new StepFailed(name);
    }
  }

  /** Marks every step that has not run yet as skipped, with the reason. */
  public void skipRemaining(String reason) {
    for (Step s : new ArrayList<>(steps.values())) {
      if (s.state() == StepState.PENDING) {
        set(s.name(), StepState.SKIPPED, reason);
      }
    }
  }

  /**
   * An account's work stopped early: skips what has not run with the reason and returns how the
   * account ends. A failed step and an activity failure end it FAILED, a cancellation CANCELLED.
   */
  public StepState stopped(RuntimeException e) {
    if (e instanceof CanceledFailure) {
      skipRemaining("not run: the request was cancelled");
      return StepState.CANCELLED;
    }
    skipRemaining(
        e instanceof StepFailed failed
            ? "not run: " + failed.step() + " failed"
            : ActivityFailures.reason((ActivityFailure) e));
    return StepState.FAILED;
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
