package dev.roster.activities.http;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a wait inside an activity must respect: the attempt's start-to-close timeout, and heartbeats
 * so that a cancellation reaches a waiting activity. Outside an activity (CLI, tests) there is no
 * bound and nothing to heartbeat.
 */
final class ActivityBounds {

  /** The attempt a thread is running, and when this process first saw it. */
  private record Attempt(ByteBuffer taskToken, Instant firstSeen) {}

  private static final ThreadLocal<Attempt> CURRENT = new ThreadLocal<>();

  /**
   * The latest instant a wait may end so that {@code reserve} (at most half the timeout) is still
   * left of the current attempt's start-to-close timeout, or empty outside an activity or without
   * such a timeout. The attempt's start is when this thread first asked (it asks at the attempt's
   * first vendor call): the server's started time is on the server's clock, which time-skipping
   * tests move.
   */
  static Optional<Instant> waitDeadline(Clock clock, Duration reserve) {
    ActivityInfo info;
    try {
      info = Activity.getExecutionContext().getInfo();
    } catch (IllegalStateException | NullPointerException notInActivity) {
      return Optional.empty();
    }
    Duration timeout = info.getStartToCloseTimeout();
    if (timeout == null || timeout.isZero()) {
      return Optional.empty();
    }
    ByteBuffer token = ByteBuffer.wrap(info.getTaskToken());
    Attempt attempt = CURRENT.get();
    if (attempt == null || !attempt.taskToken().equals(token)) {
      attempt = new Attempt(token, clock.instant());
      CURRENT.set(attempt);
    }
    Duration half = timeout.dividedBy(2);
    return Optional.of(
        attempt.firstSeen().plus(timeout).minus(reserve.compareTo(half) > 0 ? half : reserve));
  }

  /**
   * Heartbeats the current activity with the details it last recorded (so an activity that resumes
   * from its heartbeat keeps its place); throws the SDK's ActivityCompletionException when the
   * activity was cancelled meanwhile. Does nothing outside an activity.
   */
  static void heartbeat() {
    ActivityExecutionContext context;
    try {
      context = Activity.getExecutionContext();
    } catch (IllegalStateException | NullPointerException notInActivity) {
      return;
    }
    Object details;
    try {
      details = context.getLastHeartbeatDetails(Object.class).orElse(null);
    } catch (RuntimeException undecodable) {
      // Details this layer cannot carry over are left alone rather than overwritten.
      return;
    }
    context.heartbeat(details);
  }

  private ActivityBounds() {}
}
