package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import dev.roster.workflows.approval.ApprovalPolicy;
import dev.roster.workflows.approval.ApproverRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a person must approve a step and who may: assignments of these vendor roles are privileged;
 * an approval request reminds every {@code remindEvery} and is refused after {@code timeout};
 * {@code approvers} name who may decide each kind (none: anyone but the requester), with {@code
 * groups} saying who is in each group they name; {@code oidc}, when set, is the OpenID Connect
 * provider whose tokens the approvals API of {@code serve} takes.
 */
public record ApprovalConfig(
    List<String> privilegedRoles,
    Duration timeout,
    Duration remindEvery,
    Map<String, ApproverRule> approvers,
    Map<String, List<String>> groups,
    Optional<OidcConfig> oidc) {
  public static final ApprovalConfig DEFAULTS =
      new ApprovalConfig(
          List.of("admin"),
          Duration.ofDays(7),
          Duration.ofDays(1),
          Map.of(),
          Map.of(),
          Optional.empty());

  public ApprovalConfig {
    privilegedRoles = List.copyOf(requireNonNull(privilegedRoles, "privilegedRoles is null"));
    requireNonNull(timeout, "timeout is null");
    requireNonNull(remindEvery, "remindEvery is null");
    approvers = Map.copyOf(requireNonNull(approvers, "approvers is null"));
    groups = Map.copyOf(requireNonNull(groups, "groups is null"));
    requireNonNull(oidc, "oidc is null");
  }

  /** The policy the workflows read, rules in name order so every worker hands out the same. */
  public ApprovalPolicy policy() {
    return new ApprovalPolicy(
        privilegedRoles,
        timeout,
        remindEvery,
        approvers.keySet().stream().sorted().map(approvers::get).toList(),
        groups);
  }
}
