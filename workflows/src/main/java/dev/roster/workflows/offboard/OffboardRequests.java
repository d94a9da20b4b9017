package dev.roster.workflows.offboard;

import dev.roster.workflows.request.Emails;
import dev.roster.workflows.request.Tickets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks an OffboardRequest; the CLI, the webhook and the workflow itself all use it. */
public final class OffboardRequests {

  /**
   * Every problem with the request, each naming the field; empty when it is valid: the email,
   * accounts named once each, a requester, and a ticket that fits {@link Tickets}. (Whether the
   * accounts are configured is for the caller that knows the configuration.)
   */
  public static List<String> problems(OffboardRequest request) {
    List<String> problems = new ArrayList<>();
    if (request == null) {
      return List.of("request: missing");
    }
    if (request.person() == null || !Emails.isValid(request.person().email())) {
      problems.add(
          "person.email: not a valid email address ("
              + Emails.mask(request.person() == null ? null : request.person().email())
              + ")");
    }
    if (request.accounts() != null) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < request.accounts().size(); i++) {
        String account = request.accounts().get(i);
        if (account == null || account.isBlank()) {
          problems.add("accounts[" + i + "]: missing");
        } else if (!seen.add(account)) {
          problems.add("accounts[" + i + "]: " + account + " appears twice");
        }
      }
    }
    if (request.requestedBy() == null || request.requestedBy().isBlank()) {
      problems.add("requestedBy: missing (who asks; they may not approve the erasure)");
    }
    Tickets.problem("ticket", request.ticket()).ifPresent(problems::add);
    return problems;
  }

  private OffboardRequests() {}
}
