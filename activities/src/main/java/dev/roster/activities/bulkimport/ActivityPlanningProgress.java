package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import io.temporal.activity.ActivityExecutionContext;
import java.util.function.LongSupplier;

/**
 * A planning pass's progress as the planning activity's heartbeats: every checkpoint (by the {@link
 * CheckpointPolicy}) heartbeats its {@link PlanningHeartbeat}, and a retry resumes from the last
 * heartbeat Temporal kept (sent by the previous attempt, or with its failure).
 */
final class ActivityPlanningProgress implements PlanningProgress {
  private final ActivityExecutionContext context;
  private final CheckpointPolicy policy;
  private final LongSupplier nanoTime;
  private final PlanningHeartbeat resumeFrom;
  private long last;

  ActivityPlanningProgress(
      ActivityExecutionContext context, CheckpointPolicy policy, LongSupplier nanoTime) {
    this.context = requireNonNull(context, "context is null");
    this.policy = requireNonNull(policy, "policy is null");
    this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
    this.resumeFrom = context.getHeartbeatDetails(PlanningHeartbeat.class).orElse(null);
    this.last = nanoTime.getAsLong();
  }

  @Override
  public PlanningHeartbeat resumeFrom() {
    return resumeFrom;
  }

  @Override
  public int attempt() {
    return context.getInfo().getAttempt();
  }

  @Override
  public boolean due(long rows) {
    return rows >= policy.everyRows() || nanoTime.getAsLong() - last >= policy.every().toNanos();
  }

  @Override
  public void beat(PlanningHeartbeat heartbeat) {
    last = nanoTime.getAsLong();
    context.heartbeat(heartbeat);
  }
}
