package dev.roster.worker;

import static java.util.Objects.requireNonNull;

/**
 * One activity implementation and the task queue it serves; modules contribute these to a set the
 * worker registers. Every vendor account queue serves the same implementations (each routes by
 * account), so those name {@link #EVERY_ACCOUNT_QUEUE} instead of a queue.
 *
 * @param taskQueue a task queue name, or {@link #EVERY_ACCOUNT_QUEUE}
 * @param implementation a thread-safe activity implementation
 */
public record ActivityRegistration(String taskQueue, Object implementation) {
  /** Stands for every {@code roster-<account>-<family>} queue of the configured accounts. */
  public static final String EVERY_ACCOUNT_QUEUE = "roster-<account>-<family>";

  public ActivityRegistration {
    requireNonNull(taskQueue, "taskQueue is null");
    requireNonNull(implementation, "implementation is null");
  }

  /** On every vendor account queue. */
  public static ActivityRegistration onEveryAccountQueue(Object implementation) {
    return new ActivityRegistration(EVERY_ACCOUNT_QUEUE, implementation);
  }
}
