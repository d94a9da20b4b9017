package dev.roster.workflows.bulkimport;

import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.steps.Step;
import dev.roster.workflows.steps.StepState;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Progress, status and summary views of an import's carried state. Pure functions. */
final class ImportReports {

  static ImportProgress progress(String phase, ImportCarry carry, long now) {
    if (carry == null) {
      return new ImportProgress(
          phase, 0, 0, 0, 0, 0, 0, 0, now, now, 0, null, List.of(), InviteProgress.none());
    }
    PlanSummary plan = carry.plan();
    List<AccountProgress> accounts = carry.accounts();
    long importing = accounts.stream().filter(a -> !"skipped".equals(a.state())).count();
    return new ImportProgress(
        phase,
        plan.rowsRead(),
        plan.valid(),
        plan.invalid(),
        accounts.stream().mapToLong(AccountProgress::sent).sum(),
        accounts.stream().mapToLong(AccountProgress::confirmed).sum(),
        accounts.stream().mapToLong(AccountProgress::failed).sum(),
        plan.valid() * importing,
        carry.startedAt(),
        now,
        carry.runs(),
        plan.failureReport(),
        accounts,
        carry.invitesOrNone());
  }

  static List<AccountReport> accountReports(ImportCarry carry, long now) {
    if (carry == null) {
      return List.of();
    }
    return carry.accounts().stream()
        .map(
            a -> {
              BulkTarget t =
                  carry.targets().stream()
                      .filter(x -> x.account().equals(a.account()))
                      .findFirst()
                      .orElse(null);
              StepState state = state(a.state());
              String detail =
                  a.detail()
                      + " (sent "
                      + a.sent()
                      + ", confirmed "
                      + a.confirmed()
                      + ", failed "
                      + a.failed()
                      + ")";
              Step step = new Step("import", state, detail, Instant.ofEpochMilli(now).toString());
              return new AccountReport(
                  a.account(), t == null ? null : t.vendor(), state, List.of(step));
            })
        .toList();
  }

  private static StepState state(String state) {
    return switch (state) {
      case "done" -> StepState.DONE;
      case "failed" -> StepState.FAILED;
      case "skipped", ImportOutcomes.DRY_RUN_STATE -> StepState.SKIPPED;
      case "importing" -> StepState.RUNNING;
      default -> StepState.PENDING;
    };
  }

  static String summary(String outcome, ImportCarry carry) {
    if (carry == null) {
      return outcome == null ? "" : outcome;
    }
    PlanSummary plan = carry.plan();
    String head =
        plan.rowsRead() + " rows read, " + plan.valid() + " valid, " + plan.invalid() + " invalid";
    if ("DRY_RUN".equals(outcome)) {
      return "dry run: " + head + "; nothing changed";
    }
    String perAccount =
        carry.accounts().stream()
            .map(
                a ->
                    a.account()
                        + " "
                        + a.state()
                        + " "
                        + a.confirmed()
                        + " confirmed, "
                        + a.failed()
                        + " refused")
            .collect(Collectors.joining("; "));
    InviteProgress invites = carry.invitesOrNone();
    String invitations =
        invites.asked() == 0
            ? ""
            : "; team invitations: "
                + invites.asked()
                + " asked, "
                + invites.invited()
                + " sent, "
                + invites.failed()
                + " failed";
    return head + "; " + perAccount + invitations + "; failure report " + plan.failureReport();
  }

  /**
   * What an approver is asked, as lines: what the import will do, then the dry-run report (source,
   * counts, first problems with masked emails, the failure report). Renderers keep the lines.
   */
  static String approvalText(PlanSummary plan, List<ImportTarget> targets) {
    String into =
        targets.stream()
            .map(
                t ->
                    t.account()
                        + (t.listsOrEmpty().isEmpty()
                            ? " (no lists)"
                            : " (lists " + String.join(", ", t.listsOrEmpty()) + ")"))
            .collect(Collectors.joining(", "));
    return "import "
        + plan.valid()
        + " contacts into "
        + into
        + (plan.withTeamRole() > 0 ? "; " + plan.withTeamRole() + " rows ask for team access" : "")
        + "\n"
        + plan.report().stripTrailing();
  }

  /**
   * Lines as a Markdown list (the Temporal Web UI renders details as Markdown, where plain line
   * breaks run together); a line indented under another becomes a nested item.
   */
  static String markdownList(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      boolean nested = line.startsWith(" ") && out.length() > 0;
      // Masked emails (a***@example.com) would otherwise open Markdown emphasis.
      out.append(nested ? "  - " : "- ").append(line.strip().replace("*", "\\*")).append('\n');
    }
    return out.toString();
  }

  /**
   * The workflow's current details in a phase. The Web UI renders details as Markdown: the
   * approval's lines become a list, not one line.
   *
   * @param about the approval's text for {@code approval}, the outcome for {@code done}
   */
  static String currentDetails(String phase, String about, ImportCarry now) {
    return switch (phase) {
      case "approval" -> "Waiting for an approval:\n\n" + markdownList(about);
      case "done" -> "Done, " + about + ": " + summary(about, now);
      default -> "Bulk import: " + phase + ".";
    };
  }

  private ImportReports() {}
}
