package dev.roster.activities.listmonk;

import dev.roster.activities.bulkimport.ImportRow;
import dev.roster.activities.http.VendorJson;
import dev.roster.activities.listmonk.ListmonkTypes.ImportParams;
import dev.roster.activities.listmonk.ListmonkTypes.ImportStatus;
import dev.roster.activities.spi.BulkImportConnector;
import dev.roster.activities.spi.BulkJob;
import dev.roster.activities.spi.ConnectorInput;
import dev.roster.activities.spi.RejectedRow;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * listmonk's import (vendors.md §3): a CSV {@code email,name,attributes} uploaded as multipart, one
 * import per instance and no job id. The job id Roster keeps is the session's file name, which
 * carries a fresh sequence; the status read is the instance's one session, so an import of another
 * tool started between two polls would be read as ours (listmonk offers nothing better).
 * Subscription status of existing subscribers is not overwritten, so opt-outs stay.
 */
final class ListmonkBulkImport implements BulkImportConnector {
  private final ListmonkImports imports;
  private final ListmonkImportApi session;

  /**
   * @param imports starts an import once no other runs on the instance
   * @param session reads the instance's one import session
   */
  ListmonkBulkImport(ListmonkImports imports, ListmonkImportApi session) {
    this.imports = imports;
    this.session = session;
  }

  @Override
  public String startImport(List<ImportRow> rows, List<String> listIds) {
    List<Long> lists = ConnectorInput.numericListIds(ListmonkClient.VENDOR, "startImport", listIds);
    String name = "roster-" + Long.toHexString(System.nanoTime()) + ".csv";
    ImportStatus started = imports.start(ImportParams.subscribe(lists), name, csv(rows));
    return started.name() == null || started.name().isEmpty() ? name : started.name();
  }

  @Override
  public BulkJob jobStatus(String jobId) {
    ImportStatus s = session.status();
    String status = s.status() == null ? "" : s.status().toLowerCase(Locale.ROOT);
    BulkJob.State state =
        switch (status) {
          case "finished" -> BulkJob.State.COMPLETED;
          case "failed" -> BulkJob.State.FAILED;
          // "none" after a start means the session was cleared: nothing more will happen.
          case "none" -> BulkJob.State.FAILED;
          default -> BulkJob.State.RUNNING;
        };
    int rejected = state == BulkJob.State.RUNNING ? 0 : Math.max(0, s.total() - s.imported());
    return new BulkJob(jobId, s.status(), state, s.total(), rejected, null);
  }

  /**
   * listmonk's log names no rows ("skipping line: invalid email"), so each skipped row is one
   * nameless entry carrying the log's reason.
   */
  @Override
  public List<RejectedRow> rejectedRows(String jobId) {
    ImportStatus s = session.status();
    List<RejectedRow> out = new ArrayList<>();
    List<String> reasons =
        session.logs().lines().filter(l -> l.startsWith("skipping line")).toList();
    int missing = Math.max(0, s.total() - s.imported());
    for (int i = 0; i < missing; i++) {
      String reason = i < reasons.size() ? reasons.get(i) : "skipped by listmonk";
      out.add(new RejectedRow(null, reason));
    }
    return out;
  }

  static byte[] csv(List<ImportRow> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 64);
    StringBuilder line = new StringBuilder("email,name,attributes\n");
    try {
      for (ImportRow row : rows) {
        String name = ConnectorInput.fullName(row.firstName(), row.lastName());
        line.append(quote(row.email())).append(',');
        line.append(quote(name == null ? ListmonkSubscribers.localPart(row.email()) : name));
        line.append(',');
        line.append(
            row.attributes().isEmpty()
                ? ""
                : quote(VendorJson.MAPPER.writeValueAsString(row.attributes())));
        line.append('\n');
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
      }
      out.write(line.toString().getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot write the import CSV", e);
    }
    return out.toByteArray();
  }

  private static String quote(String cell) {
    return '"' + cell.replace("\"", "\"\"") + '"';
  }

  @Override
  public String bulkFamily() {
    return ListmonkConnector.FAMILY;
  }

  @Override
  public String jobFamily() {
    return ListmonkConnector.FAMILY;
  }

  @Override
  public int maxRowsPerJob() {
    return ListmonkConnector.ROWS_PER_IMPORT;
  }

  @Override
  public long maxBytesPerJob() {
    return 8L * 1024 * 1024;
  }

  @Override
  public Duration pollInterval() {
    return Duration.ofSeconds(1);
  }
}
