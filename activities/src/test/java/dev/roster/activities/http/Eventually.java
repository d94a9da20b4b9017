package dev.roster.activities.http;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that another thread (a server's idle timer, a pool's cleanup) brings. */
final class Eventually {

  /** Returns once {@code condition} holds; fails the test after {@code timeout}. */
  static void until(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  private Eventually() {}
}
