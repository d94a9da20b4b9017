package dev.roster.workflows.approval;

import java.util.List;
import java.util.Locale;

/**
 * Who may decide one approval: never the requester; once the workflow names the kind and accounts
 * ({@link #expect}), only someone the policy snapshot allows, and for an approval that needs more
 * than one, a different person each time. Pure and deterministic, for {@link ApprovalGate}.
 */
final class DeciderCheck {
  private final String requestedBy;
  private ApprovalPolicy policy;
  private String kind;
  private List<String> accounts = List.of();

  DeciderCheck(String requestedBy) {
    this.requestedBy = requestedBy;
  }

  void expect(ApprovalPolicy policy, String kind, List<String> accounts) {
    this.policy = policy;
    this.kind = kind;
    this.accounts = accounts == null ? List.of() : List.copyOf(accounts);
  }

  /** Whether the policy is known (decisions before that wait for it). */
  boolean ready() {
    return policy != null;
  }

  String kind() {
    return kind;
  }

  List<String> accounts() {
    return accounts;
  }

  /**
   * Why {@code d} is refused, or null when it counts.
   *
   * @param decided the decision already taken, or null
   * @param withdrawal the withdrawal that ended the wait, or null
   * @param approvals the approvals counted so far
   */
  String refusal(
      Decision d,
      boolean approve,
      Decision decided,
      Decision withdrawal,
      List<Decision> approvals) {
    String verb = approve ? "approve" : "reject";
    if (decided != null) {
      return verb + " by " + safe(d) + ": already decided by " + decided.by();
    }
    if (withdrawal != null) {
      return verb + " by " + safe(d) + ": the request was withdrawn by " + withdrawal.by();
    }
    if (d == null || d.by() == null || d.by().isBlank()) {
      return verb + ": no approver named";
    }
    if (same(requestedBy, d.by())) {
      return verb + " by " + d.by() + ": the requester cannot decide their own request";
    }
    String notAllowed = kind == null ? null : policy.refusal(d.by(), kind, accounts);
    if (notAllowed != null) {
      return verb + " by " + d.by() + ": " + notAllowed;
    }
    if (approve && approvals.stream().anyMatch(a -> same(a.by(), d.by()))) {
      return verb
          + " by "
          + d.by()
          + ": already approved by "
          + d.by()
          + "; a different allowed person must approve too";
    }
    return null;
  }

  /** How many different allowed people must approve. */
  int required() {
    return kind == null ? 1 : policy.required(kind, accounts);
  }

  /** Who may decide, in words, once the kind is known; null before. */
  String approvers() {
    return kind == null ? null : policy.who(kind, accounts);
  }

  private static boolean same(String a, String b) {
    return a != null
        && b != null
        && a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
  }

  private static String safe(Decision d) {
    return d == null ? "nobody" : d.by();
  }
}
