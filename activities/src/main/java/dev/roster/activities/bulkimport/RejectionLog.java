package dev.roster.activities.bulkimport;

import dev.roster.activities.spi.RejectedRow;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Appends vendor-refused rows to an import's failure report, once per job: a list of the jobs
 * already appended ({@link PlanFiles.Stored#rejections()}), written after their rows, so a retried
 * activity finds its job there and appends nothing. (A crash between the rows and the sidecar line
 * would append that job's rows twice; the window is one small write.) One lock per process
 * serialises appends from accounts running at once.
 */
final class RejectionLog {
  static final String VENDOR_REJECTED = "VENDOR_REJECTED";
  static final String VENDOR_JOB_FAILED = "VENDOR_JOB_FAILED";
  private static final Object LOCK = new Object();

  /** The rows recorded for {@code key} earlier, or null. */
  Integer recorded(PlanFiles.Stored plan, String key) {
    synchronized (LOCK) {
      Path jobs = plan.rejections();
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
      PlanFiles.Stored plan,
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
    ImportPlan planned = plan.plan();
    int emailColumn =
        ColumnMapping.of(planned.header(), planned.options().attributeColumns(), false)
            .emailColumn();
    synchronized (LOCK) {
      Path report = plan.report();
      int written = 0;
      try (FailureReportWriter out = FailureReportWriter.appendTo(report, emailColumn)) {
        if (jobFailed) {
          String why = account + ": " + (jobError == null ? "the vendor's job failed" : jobError);
          for (var row : chunk.rows()) {
            out.appendRefused(row.line(), VENDOR_JOB_FAILED, why, row.email());
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
            out.appendRefused(line, VENDOR_REJECTED, detail, ref == null ? r.email() : ref.email());
            written++;
          }
        }
        try (FileChannel jobs =
            ImportStore.open(
                plan.rejections(), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
          jobs.write(
              ByteBuffer.wrap((key + "\t" + written + "\n").getBytes(StandardCharsets.UTF_8)));
        }
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
}
