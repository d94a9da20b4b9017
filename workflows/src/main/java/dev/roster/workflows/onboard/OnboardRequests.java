package dev.roster.workflows.onboard;

import dev.roster.workflows.common.Emails;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks an OnboardRequest; the CLI, the webhook and the workflow itself all use it. */
public final class OnboardRequests {

  /** Failure type for a request that can never succeed as given. */
  public static final String INVALID_REQUEST = "InvalidRequest";

  /** Every problem with the request, each naming the field; empty when it is valid. */
  public static List<String> problems(OnboardRequest request) {
    List<String> problems = new ArrayList<>();
    if (request == null) {
      return List.of("request: missing");
    }
    if (request.person() == null) {
      problems.add("person: missing");
    } else if (!Emails.isValid(request.person().email())) {
      problems.add(
          "person.email: not a valid email address ("
              + Emails.mask(request.person().email())
              + ")");
    }
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
