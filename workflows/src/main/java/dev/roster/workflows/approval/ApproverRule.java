package dev.roster.workflows.approval;

import java.util.List;
import java.util.Locale;

/**
 * Who may decide one kind of approval, from the configuration's {@code approvals.approvers}.
 *
 * @param kind {@link #PRIVILEGED} (a privileged team role), {@link #ERASURE} or {@link #IMPORT}
 * @param accounts the vendor accounts it covers; empty covers every account
 * @param people approvers by name
 * @param groups approvers by group ({@code approvals.groups} says who is in each)
 * @param required how many different allowed people must approve (erasure may ask for 2)
 */
public record ApproverRule(
    String kind, List<String> accounts, List<String> people, List<String> groups, int required) {
  public static final String PRIVILEGED = "privileged";
  public static final String ERASURE = "erasure";
  public static final String IMPORT = "import";

  /** The kinds a rule may name. */
  public static final List<String> KINDS = List.of(PRIVILEGED, ERASURE, IMPORT);

  public ApproverRule {
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
    people = people == null ? List.of() : List.copyOf(people);
    groups = groups == null ? List.of() : List.copyOf(groups);
    required = Math.max(1, required);
  }

  boolean covers(String account) {
    return accounts.isEmpty() || accounts.contains(account);
  }

  /** Whether {@code name}, a member of {@code memberOf}, is one of this rule's approvers. */
  boolean allows(String name, List<String> memberOf) {
    String n = normal(name);
    return people.stream().anyMatch(p -> normal(p).equals(n))
        || groups.stream().anyMatch(memberOf::contains);
  }

  /** Who the rule names, for {@code roster approvals}. */
  String describe() {
    StringBuilder s = new StringBuilder();
    if (!people.isEmpty()) {
      s.append(String.join(", ", people));
    }
    if (!groups.isEmpty()) {
      s.append(s.length() > 0 ? ", " : "").append("group ").append(String.join(", group ", groups));
    }
    return s.toString();
  }

  static String normal(String name) {
    return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
  }
}
