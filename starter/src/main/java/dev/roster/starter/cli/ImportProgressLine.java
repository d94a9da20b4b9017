package dev.roster.starter.cli;

import dev.roster.workflows.bulkimport.AccountProgress;
import dev.roster.workflows.bulkimport.ImportProgress;
import dev.roster.workflows.bulkimport.InviteProgress;

/** An import's progress as one line, for {@code roster import --wait} and {@code roster status}. */
public final class ImportProgressLine {

  /**
   * One line: a bar of rows confirmed over rows to import, per-account counts and an ETA from the
   * confirmation rate so far (workflow time, so the query's own clock).
   */
  public static String of(ImportProgress p) {
    if (p == null) {
      return "";
    }
    if ("planning".equals(p.phase())) {
      return "planning: reading and checking the source...";
    }
    if (p.accounts().stream().anyMatch(a -> "dry-run".equals(a.state()))) {
      return "DRY_RUN: "
          + p.rowsRead()
          + " rows read, "
          + p.valid()
          + " valid, "
          + p.invalid()
          + " invalid; nothing was sent";
    }
    long total = Math.max(0, p.total());
    long done = p.confirmed() + p.failed();
    int width = 24;
    int filled = total == 0 ? width : (int) Math.min(width, done * width / total);
    int percent = total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
    StringBuilder line = new StringBuilder();
    line.append('[')
        .append("#".repeat(filled))
        .append("-".repeat(width - filled))
        .append("] ")
        .append(percent)
        .append("% ")
        .append(p.confirmed())
        .append('/')
        .append(total)
        .append(" confirmed (")
        .append(p.valid())
        .append(" valid rows");
    if (p.invalid() > 0) {
      line.append(", ").append(p.invalid()).append(" invalid");
    }
    if (p.failed() > 0) {
      line.append(", ").append(p.failed()).append(" refused");
    }
    line.append(")");
    for (AccountProgress a : p.accounts()) {
      line.append(" | ").append(a.account()).append(' ');
      switch (a.state()) {
        case "skipped", "failed" -> line.append(a.state());
        default -> line.append(a.confirmed()).append('/').append(p.valid());
      }
    }
    InviteProgress invites = p.invitations();
    if (invites != null && invites.asked() > 0) {
      line.append(" | invitations ")
          .append(invites.invited())
          .append('/')
          .append(invites.asked())
          .append(" sent");
      if (invites.failed() > 0) {
        line.append(", ").append(invites.failed()).append(" failed");
      }
    }
    line.append(" | ").append(eta(p, done, total));
    return line.toString();
  }

  static String eta(ImportProgress p, long done, long total) {
    if (total > 0 && done >= total || "done".equals(p.phase())) {
      return "done in " + duration(Math.max(0, p.now() - p.startedAt()));
    }
    long elapsed = p.now() - p.startedAt();
    if (done <= 0 || elapsed <= 0) {
      return "ETA --";
    }
    long remaining = (long) ((double) elapsed * (total - done) / done);
    return "ETA " + duration(remaining);
  }

  private static String duration(long millis) {
    long s = Math.round(millis / 1000.0);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + String.format("%02d", s % 60) + "s";
    }
    return (s / 3600) + "h" + String.format("%02d", (s % 3600) / 60) + "m";
  }

  private ImportProgressLine() {}
}
