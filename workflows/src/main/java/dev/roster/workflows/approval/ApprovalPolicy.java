package dev.roster.workflows.approval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who must approve what, who may approve it, and how long Roster waits. A workflow reads it once
 * (an activity, so replays see the same snapshot) and decides with it deterministically.
 *
 * @param privilegedRoles team roles that need an approval before the invitation is sent
 * @param timeout how long an approval may stay unanswered before the request ends, rejected
 * @param remindEvery how often to remind approvers while waiting
 * @param approvers who may decide each kind; a kind with no rule may be decided by anyone but the
 *     requester (histories recorded before the rules existed read an empty list)
 * @param groups group name to its members' names
 */
public record ApprovalPolicy(
    List<String> privilegedRoles,
    Duration timeout,
    Duration remindEvery,
    List<ApproverRule> approvers,
    Map<String, List<String>> groups) {

  public ApprovalPolicy {
    approvers = approvers == null ? List.of() : List.copyOf(approvers);
    groups = groups == null ? Map.of() : Map.copyOf(groups);
  }

  /** A policy in which anyone but the requester may decide. */
  public ApprovalPolicy(List<String> privilegedRoles, Duration timeout, Duration remindEvery) {
    this(privilegedRoles, timeout, remindEvery, List.of(), Map.of());
  }

  public boolean isPrivileged(String role) {
    return role != null
        && privilegedRoles.stream()
            .anyMatch(r -> r.equalsIgnoreCase(role.trim().toLowerCase(Locale.ROOT)));
  }

  /**
   * Why {@code name} may not decide an approval of {@code kind} on {@code accounts}, or null when
   * they may: on every account some rule of the kind that covers it must name them (directly or by
   * group). Accounts no rule covers are open to anyone but the requester.
   */
  public String refusal(String name, String kind, List<String> accounts) {
    return refusal(name, List.of(), kind, accounts);
  }

  /**
   * As {@link #refusal(String, String, List)}, with {@code alsoIn} counted as groups of {@code
   * name} besides those {@code groups} lists (e.g. the groups of a verified identity token).
   */
  public String refusal(String name, List<String> alsoIn, String kind, List<String> accounts) {
    List<String> memberOf = new ArrayList<>(groupsOf(name));
    memberOf.addAll(alsoIn == null ? List.of() : alsoIn);
    List<String> notAllowed = new ArrayList<>();
    for (String account : accountsOrAny(accounts)) {
      List<ApproverRule> rules = rules(kind, account);
      if (!rules.isEmpty() && rules.stream().noneMatch(r -> r.allows(name, memberOf))) {
        notAllowed.add(account);
      }
    }
    if (notAllowed.isEmpty()) {
      return null;
    }
    return name
        + " may not approve "
        + kind
        + (accounts.isEmpty() ? "" : " on " + String.join(", ", notAllowed))
        + " (allowed: "
        + who(kind, accounts)
        + ")";
  }

  /** How many different allowed people must approve: the most any covering rule asks for. */
  public int required(String kind, List<String> accounts) {
    return accountsOrAny(accounts).stream()
        .flatMap(a -> rules(kind, a).stream())
        .mapToInt(ApproverRule::required)
        .max()
        .orElse(1);
  }

  /** Who may decide, in words: e.g. {@code bob, group privacy}; "anyone but the requester". */
  public String who(String kind, List<String> accounts) {
    Set<String> names = new LinkedHashSet<>();
    accountsOrAny(accounts).forEach(a -> rules(kind, a).forEach(r -> names.add(r.describe())));
    names.remove("");
    return names.isEmpty() ? "anyone but the requester" : String.join("; ", names);
  }

  private List<ApproverRule> rules(String kind, String account) {
    return approvers.stream()
        .filter(r -> r.kind().equals(kind) && (account == null || r.covers(account)))
        .toList();
  }

  private static List<String> accountsOrAny(List<String> accounts) {
    List<String> any = new ArrayList<>();
    any.add(null);
    return accounts == null || accounts.isEmpty() ? any : accounts;
  }

  private List<String> groupsOf(String name) {
    String n = ApproverRule.normal(name);
    return groups.entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(m -> ApproverRule.normal(m).equals(n)))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }
}
