package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a worker process polls and stops: per task queue, how many activities and workflow tasks run
 * at once and how many pollers ask for them; how many workflows stay cached; and how long a
 * stopping worker lets the activities it already took finish before interrupting them (Temporal
 * retries an interrupted one elsewhere). Defaults suit two cores and I/O-bound vendor calls. {@code
 * opsPort}: where {@code roster worker} answers {@code /livez}, {@code /readyz} and {@code
 * /metrics} (on {@code http.bind}); 0 picks a free port.
 */
public record WorkerConfig(
    int maxConcurrentActivities,
    int maxConcurrentWorkflowTasks,
    int workflowPollers,
    int activityPollers,
    int workflowCacheSize,
    Duration shutdownGrace,
    int opsPort) {
  /**
   * Activity slots are threads that mostly wait (vendor I/O, a rate budget's in-thread wait), so
   * they stay at the SDK's 200; workflow tasks use the CPU, 10 at once on two cores. The grace
   * outlasts one vendor call (30 s call timeout) with its rate-budget wait; a pod's termination
   * grace period must be longer still.
   */
  public static final WorkerConfig DEFAULTS =
      new WorkerConfig(200, 10, 2, 2, 600, Duration.ofSeconds(60), 9464);

  public WorkerConfig {
    requireNonNull(shutdownGrace, "shutdownGrace is null");
  }
}
