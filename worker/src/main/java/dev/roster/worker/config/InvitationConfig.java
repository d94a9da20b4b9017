package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the invitation watcher treats a pending team-member invitation: how often it asks the vendor,
 * when it resends, when it gives up.
 */
public record InvitationConfig(Duration pollInterval, Duration resendAfter, Duration expireAfter) {
  public static final InvitationConfig DEFAULTS =
      new InvitationConfig(Duration.ofMinutes(15), Duration.ofDays(3), Duration.ofDays(7));

  public InvitationConfig {
    requireNonNull(pollInterval, "pollInterval is null");
    requireNonNull(resendAfter, "resendAfter is null");
    requireNonNull(expireAfter, "expireAfter is null");
  }
}
