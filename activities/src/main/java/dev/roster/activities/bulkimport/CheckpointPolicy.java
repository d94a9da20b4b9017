package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How often a planning pass writes a checkpoint and heartbeats: after {@code every} of reading or
 * {@code everyRows} rows, whichever comes first. The planning activity's heartbeat timeout (2 min)
 * must comfortably exceed {@code every}; each checkpoint writes the duplicate bitmap (at most 170
 * KB) and appends the emails seen since the last one, so a few seconds apart costs little.
 *
 * @param every the longest time between two checkpoints
 * @param everyRows the most rows between two checkpoints
 */
public record CheckpointPolicy(Duration every, long everyRows) {
  public CheckpointPolicy {
    requireNonNull(every, "every is null");
    if (every.isNegative() || every.isZero() || everyRows < 1) {
      throw new IllegalArgumentException("checkpoint interval must be positive");
    }
  }

  /** Every 10 seconds or 100,000 rows. */
  public static CheckpointPolicy defaults() {
    return new CheckpointPolicy(Duration.ofSeconds(10), 100_000);
  }
}
