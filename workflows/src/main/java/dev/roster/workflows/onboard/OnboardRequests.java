package dev.roster.workflows.onboard;

import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.request.ListIds;
import dev.roster.workflows.request.Person;
import dev.roster.workflows.request.Roles;
import dev.roster.workflows.request.Tickets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks an OnboardRequest; the CLI, the webhook and the workflow itself all use it. */
public final class OnboardRequests {

  /** Failure type for a request that can never succeed as given. */
  public static final String INVALID_REQUEST = FailureTypes.INVALID_REQUEST;

  /**
   * Every problem with the request, each naming the field; empty when it is valid. What is checked
   * without the configuration: the email, the accounts named once each, Roster's roles, list ids as
   * numbers, a requester, and a ticket that fits {@link Tickets}. (Whether an account exists and
   * has lists is for the caller that knows the configuration.)
   */
  public static List<String> problems(OnboardRequest request) {
    List<String> problems = new ArrayList<>(basicProblems(request));
    if (request == null) {
      return problems;
    }
    if (request.requestedBy() == null || request.requestedBy().isBlank()) {
      problems.add("requestedBy: missing (who asks; they may not approve their own request)");
    }
    Tickets.problem("ticket", request.ticket()).ifPresent(problems::add);
    List<Assignment> assignments =
        request.assignments() == null ? List.of() : request.assignments();
    for (int i = 0; i < assignments.size(); i++) {
      Assignment a = assignments.get(i);
      if (a != null) {
        problems.addAll(assignmentProblems("assignments[" + i + "]", a));
      }
    }
    return problems;
  }

  /** The role and list problems of one assignment, each starting with {@code at}. */
  public static List<String> assignmentProblems(String at, Assignment a) {
    List<String> problems = new ArrayList<>();
    if (a.role() != null && !Roles.isRole(a.role())) {
      problems.add(Roles.problem(at + ".role", a.role()));
    }
    problems.addAll(ListIds.problems(at + ".lists", a.listsOrEmpty(), null, null));
    return problems;
  }

  /**
   * The checks of the first release (email, accounts present and named once). Workflows started
   * before {@link #problems} existed replay with these, so a request they accepted is not refused
   * on replay.
   */
  public static List<String> basicProblems(OnboardRequest request) {
    List<String> problems = new ArrayList<>();
    if (request == null) {
      return List.of("request: missing");
    }
    Person.problem(request.person()).ifPresent(problems::add);
    if (request.assignments() == null || request.assignments().isEmpty()) {
      problems.add("assignments: at least one vendor account is needed");
      return problems;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < request.assignments().size(); i++) {
      Assignment a = request.assignments().get(i);
      String at = "assignments[" + i + "]";
      if (a == null || a.account() == null || a.account().isBlank()) {
        problems.add(at + ".account: missing");
      } else if (!seen.add(a.account())) {
        problems.add(at + ".account: " + a.account() + " appears twice");
      }
    }
    return problems;
  }

  private OnboardRequests() {}
}
