package dev.roster.starter.cli;

import dev.roster.workflows.approval.ApprovalStatus;
import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.bulkimport.BulkImportStatus;
import dev.roster.workflows.bulkimport.ImportProgress;
import dev.roster.workflows.bulkimport.InviteProgress;
import dev.roster.workflows.offboard.AccountPlan;
import dev.roster.workflows.offboard.OffboardStatus;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.onboard.OnboardStatus;
import dev.roster.workflows.request.RequestStatus;
import dev.roster.workflows.steps.Step;
import dev.roster.workflows.tasks.ManualTask;
import java.io.PrintWriter;
import java.util.List;

/** Prints a request's status as a per-step table. */
public final class StatusTable {

  public static void print(PrintWriter out, String workflowId, RequestStatus status) {
    out.printf(
        "%s  phase=%s%s%n",
        workflowId, status.phase(), status.ticket() == null ? "" : "  ticket=" + status.ticket());
    ApprovalStatus approval = status.approval();
    if (approval != null && !"not-required".equals(approval.state())) {
      String decided =
          approval.decision() == null
              ? ""
              : " by " + approval.decision().by() + comment(approval.decision().comment());
      String what = approval.what() == null ? "" : approval.what();
      if (what.contains("\n")) {
        // An import's approval is its dry-run report: lines, kept as lines.
        out.printf("approval: %s%s%n%s", approval.state(), decided, indent(what, "  "));
      } else {
        out.printf("approval: %s (%s)%s%n", approval.state(), what, decided);
      }
      approval.refused().forEach(r -> out.println("  refused: " + r));
    }
    if (status instanceof OnboardStatus onboard && onboard.amendments() != null) {
      onboard.amendments().forEach(a -> out.println("amended: " + a));
    }
    Decision withdrawal =
        status instanceof OnboardStatus onboard
            ? onboard.withdrawal()
            : status instanceof OffboardStatus offboard ? offboard.withdrawal() : null;
    if (withdrawal != null) {
      out.println("withdrawn by " + withdrawal.by() + comment(withdrawal.comment()));
    }
    if (status instanceof OffboardStatus offboard) {
      printPlans(out, offboard);
    }
    out.printf("%-16s %-11s %-9s %s%n", "ACCOUNT", "STEP", "STATE", "DETAIL");
    for (AccountReport account : status.accounts()) {
      for (Step step : account.steps()) {
        out.printf(
            "%-16s %-11s %-9s %s%n",
            account.account(),
            step.name(),
            step.state(),
            step.detail() == null ? "" : step.detail());
      }
    }
    if (status instanceof BulkImportStatus imported) {
      printImport(out, workflowId, imported);
    }
    for (ManualTask task :
        status.manualTasks() == null ? List.<ManualTask>of() : status.manualTasks()) {
      out.printf(
          "manual task %s: %s%n  %s%n",
          task.taskId(),
          task.open() ? "OPEN since " + task.openedAt() : "done by " + task.completedBy(),
          task.instructions());
    }
    out.flush();
  }

  private static void printPlans(PrintWriter out, OffboardStatus status) {
    if (status.cancelledOnboardings() != null && !status.cancelledOnboardings().isEmpty()) {
      out.println("cancelled onboardings: " + String.join(", ", status.cancelledOnboardings()));
    }
    for (AccountPlan plan : status.plans()) {
      out.printf(
          "plan %-16s team=%s contact=%s%s%n",
          plan.account(),
          plan.team() == null ? "unknown (no API)" : plan.team(),
          plan.contact().exists() ? "yes" : "no",
          plan.contact().lists().isEmpty()
              ? ""
              : " lists=" + String.join(",", plan.contact().lists()));
      if (plan.actions().isEmpty()) {
        out.println("     nothing to do");
      }
      plan.actions().forEach(a -> out.println("     - " + a));
    }
  }

  private static void printImport(PrintWriter out, String workflowId, BulkImportStatus status) {
    ImportProgress p = status.progress();
    if (p == null) {
      return;
    }
    out.println(ImportProgressLine.of(p));
    InviteProgress invites = p.invitations();
    if (invites != null && invites.asked() > 0) {
      out.printf(
          "team invitations: %d asked, %d started, %d sent, %d failed, %d in flight"
              + " (each is an onboarding: roster status %s-invite-<line>)%n",
          invites.asked(),
          invites.started(),
          invites.invited(),
          invites.failed(),
          invites.inFlight(),
          workflowId);
    }
    if (p.failureReport() != null) {
      out.println("failure report: " + p.failureReport());
    }
  }

  /** Every line of {@code text} indented, each ending with a line break. */
  static String indent(String text, String indent) {
    StringBuilder out = new StringBuilder();
    for (String line : (text == null ? "" : text.stripTrailing()).split("\n")) {
      out.append(indent).append(line).append(System.lineSeparator());
    }
    return out.toString();
  }

  private static String comment(String comment) {
    return comment == null || comment.isBlank() ? "" : ": " + comment;
  }

  private StatusTable() {}
}
