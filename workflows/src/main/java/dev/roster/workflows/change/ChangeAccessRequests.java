package dev.roster.workflows.change;

import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequests;
import dev.roster.workflows.request.ListIds;
import dev.roster.workflows.request.Person;
import dev.roster.workflows.request.Roles;
import dev.roster.workflows.request.Tickets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a ChangeAccessRequest; the CLI and the workflow itself use it. */
public final class ChangeAccessRequests {

  /** Failure type for a request that can never succeed as given. */
  public static final String INVALID_REQUEST = FailureTypes.INVALID_REQUEST;

  /**
   * Every problem with the request, each naming the field; empty when it is valid. Checked without
   * the configuration: the email, a requester, the ticket, something to do, every account named
   * once across changes, additions and removals, Roster's roles and list ids as numbers.
   */
  public static List<String> problems(ChangeAccessRequest request) {
    List<String> problems = new ArrayList<>();
    if (request == null) {
      return List.of("request: missing");
    }
    Person.problem(request.person()).ifPresent(problems::add);
    if (request.requestedBy() == null || request.requestedBy().isBlank()) {
      problems.add("requestedBy: missing (who asks; they may not approve their own request)");
    }
    Tickets.problem("ticket", request.ticket()).ifPresent(problems::add);
    if (request.changesOrEmpty().isEmpty()
        && request.addAccountsOrEmpty().isEmpty()
        && request.removeAccountsOrEmpty().isEmpty()) {
      problems.add("changes: nothing to do (no change, no account to add or remove)");
    }
    Set<String> seen = new HashSet<>();
    List<AccessChange> changes = request.changesOrEmpty();
    for (int i = 0; i < changes.size(); i++) {
      String at = "changes[" + i + "]";
      AccessChange c = changes.get(i);
      if (named(at, c == null ? null : c.account(), seen, problems)) {
        problems.addAll(changeProblems(at, c));
      }
    }
    List<Assignment> added = request.addAccountsOrEmpty();
    for (int i = 0; i < added.size(); i++) {
      String at = "addAccounts[" + i + "]";
      Assignment a = added.get(i);
      if (named(at, a == null ? null : a.account(), seen, problems)) {
        problems.addAll(OnboardRequests.assignmentProblems(at, a));
      }
    }
    List<String> removed = request.removeAccountsOrEmpty();
    for (int i = 0; i < removed.size(); i++) {
      named("removeAccounts[" + i + "]", removed.get(i), seen, problems);
    }
    return problems;
  }

  private static List<String> changeProblems(String at, AccessChange c) {
    List<String> problems = new ArrayList<>();
    if (c.role() == null && c.addListsOrEmpty().isEmpty() && c.removeListsOrEmpty().isEmpty()) {
      problems.add(at + ": nothing to change (no role, no list to add or remove)");
    }
    if (c.role() != null && !Roles.isRole(c.role())) {
      problems.add(Roles.problem(at + ".role", c.role()));
    }
    problems.addAll(ListIds.problems(at + ".addLists", c.addListsOrEmpty(), null, null));
    problems.addAll(ListIds.problems(at + ".removeLists", c.removeListsOrEmpty(), null, null));
    for (String id : c.addListsOrEmpty()) {
      if (c.removeListsOrEmpty().contains(id)) {
        problems.add(at + ": list " + id + " is both added and removed");
      }
    }
    return problems;
  }

  /** Whether the account is named, and named once in the whole request; records why not. */
  private static boolean named(String at, String account, Set<String> seen, List<String> out) {
    if (account == null || account.isBlank()) {
      out.add(at + (at.startsWith("removeAccounts") ? "" : ".account") + ": missing");
      return false;
    }
    if (!seen.add(account)) {
      out.add(at + ": account " + account + " appears twice in the request");
      return false;
    }
    return true;
  }

  private ChangeAccessRequests() {}
}
