package dev.roster.workflows.bulkimport;

import dev.roster.workflows.common.ListIds;
import dev.roster.workflows.common.Tickets;
import java.util.ArrayList;
import java.util.List;

/** Checks a BulkImportRequest; the CLI, the webhook and the workflow itself all use it. */
public final class BulkImportRequests {

  /**
   * Every problem with the request, each naming the field; empty when it is valid: a source, at
   * least one target account, list ids as numbers, a requester, and a ticket that fits {@link
   * Tickets}. (Whether the accounts are configured and have lists is for the caller that knows the
   * configuration.)
   */
  public static List<String> problems(BulkImportRequest request) {
    List<String> problems = new ArrayList<>(basicProblems(request));
    if (request == null) {
      return problems;
    }
    if (request.targets() != null) {
      for (int i = 0; i < request.targets().size(); i++) {
        ImportTarget t = request.targets().get(i);
        if (t != null) {
          problems.addAll(
              ListIds.problems("targets[" + i + "].lists", t.listsOrEmpty(), null, null));
        }
      }
    }
    if (request.requestedBy() == null || request.requestedBy().isBlank()) {
      problems.add("requestedBy: missing (who asks; they may not approve the import)");
    }
    Tickets.problem("ticket", request.ticket()).ifPresent(problems::add);
    return problems;
  }

  /**
   * The checks of the first release (a source and target accounts). Workflows started before {@link
   * #problems} existed replay with these.
   */
  public static List<String> basicProblems(BulkImportRequest request) {
    if (request == null) {
      return List.of("request: missing");
    }
    List<String> problems = new ArrayList<>();
    if (request.source() == null || request.source().isBlank()) {
      problems.add("source: missing");
    }
    if (request.targets() == null || request.targets().isEmpty()) {
      problems.add("targets: at least one target account is needed");
    } else if (request.targets().stream().anyMatch(t -> t == null || t.account() == null)) {
      problems.add("targets: every target needs an account");
    }
    return problems;
  }

  private BulkImportRequests() {}
}
