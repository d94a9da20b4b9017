package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * When a person must approve a step: assignments of these vendor roles are privileged; an approval
 * request reminds every {@code remindEvery} and is refused after {@code timeout}.
 */
public record ApprovalConfig(List<String> privilegedRoles, Duration timeout, Duration remindEvery) {
  public static final ApprovalConfig DEFAULTS =
      new ApprovalConfig(List.of("admin"), Duration.ofDays(7), Duration.ofDays(1));

  public ApprovalConfig {
    privilegedRoles = List.copyOf(requireNonNull(privilegedRoles, "privilegedRoles is null"));
    requireNonNull(timeout, "timeout is null");
    requireNonNull(remindEvery, "remindEvery is null");
  }
}
