package dev.roster.worker;

import static java.util.Objects.requireNonNull;

/**
 * The rate budget of a task queue that is not a vendor account's (those come from the accounts):
 * the worker polls it with this many activities per second at most.
 *
 * @param taskQueue the task queue
 * @param activitiesPerSecond the budget as a rate
 */
public record QueueBudget(String taskQueue, double activitiesPerSecond) {
  public QueueBudget {
    requireNonNull(taskQueue, "taskQueue is null");
    if (!(activitiesPerSecond > 0)) {
      throw new IllegalArgumentException("activitiesPerSecond must be positive");
    }
  }
}
