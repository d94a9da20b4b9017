package dev.roster.workflows.approval;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Who must approve what, and how long Roster waits.
 *
 * @param privilegedRoles team roles that need an approval before the invitation is sent
 * @param timeout how long an approval may stay unanswered before the request ends, rejected
 * @param remindEvery how often to remind approvers while waiting
 */
public record ApprovalPolicy(List<String> privilegedRoles, Duration timeout, Duration remindEvery) {

  public boolean isPrivileged(String role) {
    return role != null
        && privilegedRoles.stream()
            .anyMatch(r -> r.equalsIgnoreCase(role.trim().toLowerCase(Locale.ROOT)));
  }
}
