package dev.roster.activities.bulkimport;

import dev.roster.activities.spi.RejectedRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Appends vendor-refused rows to an import's failure report, once per job: a sidecar file ({@code
 * <report>.jobs}) lists the jobs already appended, written after their rows, so a retried activity
 * finds its job there and appends nothing. (A crash between the rows and the sidecar line would
 * append that job's rows twice; the window is one small write.) One lock per process serialises
 * appends from accounts running at once.
 */
final class RejectionLog {
  static final String VENDOR_REJECTED = "VENDOR_REJECTED";
  static final String VENDOR_JOB_FAILED = "VENDOR_JOB_FAILED";
  private static final Object LOCK = new Object();

  /** The rows recorded for {@code key} earlier, or null. */
  Integer recorded(ImportPlan plan, String key) {
    synchronized (LOCK) {
      Path jobs = sidecar(plan);
      try {
        if (!Files.exists(jobs)) {
          return null;
        }
        for (String line : Files.readAllLines(jobs, StandardCharsets.UTF_8)) {
          int tab = line.lastIndexOf('\t');
          if (tab > 0 && line.substring(0, tab).equals(key)) {
            return Integer.parseInt(line.substring(tab + 1));
          }
        }
        return null;
      } catch (IOException e) {
        throw new ImportFailed(ImportFailed.Kind.SOURCE_UNAVAILABLE, "cannot read " + jobs, e);
      }
    }
  }

  /**
   * Appends the refused rows of one job. Rows the vendor names by email get their own line numbers;
   * rows it does not name are reported against the chunk's lines.
   */
  int append(
      ImportPlan plan,
      String key,
      String account,
      Chunk chunk,
      List<RejectedRow> refused,
      boolean jobFailed,
      String jobError) {
    Map<String, ImportRowRef> byEmail = new HashMap<>();
    chunk
        .rows()
        .forEach(
            r -> byEmail.putIfAbsent(normal(r.email()), new ImportRowRef(r.line(), r.email())));
    synchronized (LOCK) {
      Path report = Path.of(plan.report().failureReport());
      int written = 0;
      try (FailureReportWriter out = FailureReportWriter.appendTo(report)) {
        if (jobFailed) {
          String why = account + ": " + (jobError == null ? "the vendor's job failed" : jobError);
          for (var row : chunk.rows()) {
            out.append(row.line(), VENDOR_JOB_FAILED, why, row.email(), List.of());
            written++;
          }
        } else {
          long first = chunk.chunk().lineNumber();
          for (RejectedRow r : refused) {
            ImportRowRef ref = r.email() == null ? null : byEmail.get(normal(r.email()));
            long line = ref == null ? first : ref.line();
            String detail =
                account
                    + ": "
                    + r.reason()
                    + (ref == null && r.email() == null
                        ? " (the vendor names no row; chunk from line " + first + ")"
                        : "");
            out.append(
                line, VENDOR_REJECTED, detail, ref == null ? r.email() : ref.email(), List.of());
            written++;
          }
        }
        Files.writeString(
            sidecar(plan),
            key + "\t" + written + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new ImportFailed(
            ImportFailed.Kind.SOURCE_UNAVAILABLE, "cannot append to " + report, e);
      }
      return written;
    }
  }

  private record ImportRowRef(long line, String email) {}

  private static String normal(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }

  private static Path sidecar(ImportPlan plan) {
    Path report = Path.of(plan.report().failureReport());
    return report.resolveSibling(report.getFileName() + ".jobs");
  }
}
