package dev.roster.starter.http;

import java.util.function.BooleanSupplier;

/**
 * One condition of {@code GET /readyz}: the process takes work only when every check contributed to
 * the set holds (Temporal answers; the worker's pollers run, where there is a worker).
 */
public interface ReadinessCheck {
  /** A short name for the answer, e.g. {@code temporal}. */
  String name();

  /** Whether it holds now; must not throw and should answer within a few seconds. */
  boolean ready();

  /** A check named {@code name} that holds when {@code check} says so. */
  static ReadinessCheck of(String name, BooleanSupplier check) {
    return new ReadinessCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean ready() {
        return check.getAsBoolean();
      }
    };
  }
}
