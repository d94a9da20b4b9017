package dev.roster.workflows.bulkimport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a BulkImport request must be, one problem per field ({@code targets[1].lists[0]: ...}).
 * Checked by the starters before they start one and by the workflow again (a request may come from
 * {@code temporal workflow start}). Pure functions, safe in workflow code.
 *
 * <p>List ids by vendor: Brevo, Mailjet and listmonk name lists by positive numbers; MailerSend
 * keeps no lists at all. (The same rule for onboarding lives with the onboarding requests; the two
 * belong together.)
 */
public final class ImportRequestCheck {
  /** Account ids as configuration allows them (they become part of task-queue names). */
  private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  /** Ticket numbers: letters, digits, {@code _.-}, at most 64; so never an email. */
  private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private static final Pattern LIST_NUMBER = Pattern.compile("[1-9][0-9]{0,17}");

  /** The most team invitations in flight a request may ask for. */
  public static final int MAX_INVITES_IN_FLIGHT = 500;

  /** Every problem that does not depend on the accounts' vendors; empty when there is none. */
  public static List<String> problems(BulkImportRequest request) {
    List<String> problems = new ArrayList<>();
    if (request == null) {
      return List.of("request: missing");
    }
    if (blank(request.source())) {
      problems.add("source: missing (a file path, an https URL or a ServiceNow attachment)");
    }
    if (blank(request.requestedBy())) {
      problems.add("requestedBy: missing (who asks; they may not approve the import)");
    }
    if (request.ticket() != null && !TICKET.matcher(request.ticket()).matches()) {
      problems.add(
          "ticket: expected letters, digits, '_', '.' or '-' (at most 64), e.g. RITM0010001");
    }
    targets(request.targets(), problems);
    settings(request.settings(), problems);
    return problems;
  }

  /**
   * The problems of the targets' list ids for their accounts' vendors ({@code vendors.get(i)} is
   * the vendor of {@code targets.get(i)}, null when unknown: nothing is checked then).
   */
  public static List<String> listProblems(List<ImportTarget> targets, List<String> vendors) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < targets.size() && i < vendors.size(); i++) {
      ImportTarget t = targets.get(i);
      String vendor = vendors.get(i) == null ? null : vendors.get(i).toLowerCase(Locale.ROOT);
      List<String> lists = t.listsOrEmpty();
      if (vendor == null || lists.isEmpty()) {
        continue;
      }
      if (vendor.equals("mailersend")) {
        problems.add(
            "targets["
                + i
                + "].lists: "
                + t.account()
                + " is a MailerSend account, which keeps no lists (rows with a role are still"
                + " invited to its team); give no list for it");
        continue;
      }
      for (int j = 0; j < lists.size(); j++) {
        String id = lists.get(j) == null ? "" : lists.get(j).trim();
        if (!LIST_NUMBER.matcher(id).matches()) {
          problems.add(
              "targets["
                  + i
                  + "].lists["
                  + j
                  + "]: '"
                  + id
                  + "' is not a "
                  + vendor
                  + " list id (a positive number)");
        }
      }
    }
    return problems;
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
      List<String> lists = t.listsOrEmpty();
      for (int j = 0; j < lists.size(); j++) {
        if (blank(lists.get(j))) {
          problems.add(at + ".lists[" + j + "]: empty");
        }
      }
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

  private ImportRequestCheck() {}
}
