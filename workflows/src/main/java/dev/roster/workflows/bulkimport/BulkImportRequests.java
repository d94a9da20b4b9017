package dev.roster.workflows.bulkimport;

import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.request.ListIds;
import dev.roster.workflows.request.Tickets;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a BulkImport request must be, one problem per field ({@code targets[1].lists[0]: ...}).
 * Checked by the starters (CLI, webhook, poll mode) before they start one and by the workflow again
 * (a request may come from {@code temporal workflow start}). Pure functions, safe in workflow code.
 */
public final class BulkImportRequests {
  /** Account ids as configuration allows them (they become part of task-queue names). */
  private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  /** The most team invitations in flight a request may ask for. */
  public static final int MAX_INVITES_IN_FLIGHT = 500;

  /**
   * Every problem that does not depend on the configured accounts; empty when there is none: a
   * source, a requester, a ticket that fits {@link Tickets}, target accounts named once each, list
   * ids that are list ids ({@link ListIds}), settings in range.
   */
  public static List<String> problems(BulkImportRequest request) {
    if (request == null) {
      return List.of("request: missing");
    }
    List<String> problems = new ArrayList<>();
    if (blank(request.source())) {
      problems.add("source: missing (a file path, an https URL or a ServiceNow attachment)");
    }
    if (blank(request.requestedBy())) {
      problems.add("requestedBy: missing (who asks; they may not approve the import)");
    }
    Tickets.problem("ticket", request.ticket()).ifPresent(problems::add);
    targets(request.targets(), problems);
    settings(request.settings(), problems);
    return problems;
  }

  /**
   * The problems of targets whose account takes no contacts (e.g. MailerSend, which keeps none) but
   * was given lists; {@code bulk.get(i)} is how the account of {@code targets.get(i)} imports.
   */
  public static List<String> targetProblems(List<ImportTarget> targets, List<BulkTarget> bulk) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < targets.size() && i < bulk.size(); i++) {
      ImportTarget t = targets.get(i);
      BulkTarget b = bulk.get(i);
      if (!t.listsOrEmpty().isEmpty() && b.vendor() != null && !b.supported()) {
        problems.add(
            "targets["
                + i
                + "].lists: "
                + t.account()
                + " takes no contacts ("
                + b.reason()
                + "), so it takes no list ids; rows with a role are still invited to its team");
      }
    }
    return problems;
  }

  /**
   * The checks of the first release (a source and target accounts). Workflows started before {@link
   * #problems} existed replay with these.
   */
  /**
   * For the workflow: nothing when there are no problems, else a non-retryable {@code
   * InvalidRequest} failure naming each.
   */
  static void refuse(List<String> problems) {
    if (!problems.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "invalid BulkImport request: " + String.join("; ", problems),
          FailureTypes.INVALID_REQUEST);
    }
  }

  public static List<String> basicProblems(BulkImportRequest request) {
    if (request == null) {
      return List.of("request: missing");
    }
    if (blank(request.source())
        || request.targets() == null
        || request.targets().isEmpty()
        || request.targets().stream().anyMatch(t -> t == null || t.account() == null)) {
      return List.of("source and at least one target account are required");
    }
    return List.of();
  }

  private static void targets(List<ImportTarget> targets, List<String> problems) {
    if (targets == null || targets.isEmpty()) {
      problems.add("targets: at least one vendor account is needed");
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < targets.size(); i++) {
      ImportTarget t = targets.get(i);
      String at = "targets[" + i + "]";
      if (t == null || blank(t.account())) {
        problems.add(at + ".account: missing");
        continue;
      }
      if (!ACCOUNT.matcher(t.account()).matches()) {
        problems.add(at + ".account: not an account id ([a-z0-9][a-z0-9-]{0,39})");
      } else if (!seen.add(t.account())) {
        problems.add(at + ".account: '" + t.account() + "' is named twice");
      }
      problems.addAll(ListIds.problems(at + ".lists", t.listsOrEmpty(), null, null));
    }
  }

  private static void settings(ImportSettings s, List<String> problems) {
    if (s == null) {
      return;
    }
    if (s.approvalAbove() < 0) {
      problems.add("settings.approvalAbove: must be 0 (the default) or more");
    }
    if (s.chunkRows() < 0) {
      problems.add("settings.chunkRows: must be 0 (the vendor's) or more");
    }
    if (s.maxInvitesInFlight() < 0 || s.maxInvitesInFlight() > MAX_INVITES_IN_FLIGHT) {
      problems.add("settings.maxInvitesInFlight: must be 0 (default) to " + MAX_INVITES_IN_FLIGHT);
    }
    if (s.historyEventLimit() < 0) {
      problems.add("settings.historyEventLimit: must be 0 (the default) or more");
    }
    if (s.pollEvery() != null && (s.pollEvery().isNegative() || s.pollEvery().isZero())) {
      problems.add("settings.pollEvery: must be positive, or null for the vendor's");
    }
    if (s.reportDirectory() != null) {
      problems.add(
          "settings.reportDirectory: not supported; failure reports go to the worker's"
              + " imports.store");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private BulkImportRequests() {}
}
