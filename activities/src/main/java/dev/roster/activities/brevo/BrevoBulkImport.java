package dev.roster.activities.brevo;

import dev.roster.activities.bulkimport.ImportRow;
import dev.roster.activities.spi.BulkImportConnector;
import dev.roster.activities.spi.BulkJob;
import dev.roster.activities.spi.ConnectorInput;
import dev.roster.activities.spi.RejectedRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brevo's bulk endpoint: POST /contacts/import with a JSON body, GET /processes/{id}, and the
 * process's report of refused rows (vendors.md §4). Opt-outs stay: the import adds list ids and
 * Brevo keeps {@code listUnsubscribed}.
 */
final class BrevoBulkImport implements BulkImportConnector {
  private final BrevoImportsApi imports;

  BrevoBulkImport(BrevoImportsApi imports) {
    this.imports = imports;
  }

  @Override
  public String startImport(List<ImportRow> rows, List<String> listIds) {
    List<Long> lists = ConnectorInput.numericListIds(BrevoClient.VENDOR, "importContacts", listIds);
    List<BrevoTypes.ImportContact> contacts = new ArrayList<>(rows.size());
    for (ImportRow row : rows) {
      Map<String, Object> attributes = new LinkedHashMap<>(row.attributes());
      if (row.firstName() != null) {
        attributes.put("FIRSTNAME", row.firstName());
      }
      if (row.lastName() != null) {
        attributes.put("LASTNAME", row.lastName());
      }
      contacts.add(new BrevoTypes.ImportContact(row.email(), attributes));
    }
    return Long.toString(imports.importContacts(contacts, lists));
  }

  @Override
  public BulkJob jobStatus(String jobId) {
    BrevoTypes.ImportProcess p = imports.process(Long.parseLong(jobId));
    BulkJob.State state =
        p.completed()
            ? BulkJob.State.COMPLETED
            : p.failed() ? BulkJob.State.FAILED : BulkJob.State.RUNNING;
    String error = p.invalidEmails() > 0 ? p.invalidEmails() + " invalid email(s)" : null;
    return new BulkJob(jobId, p.status(), state, 0, p.invalidEmails(), error);
  }

  /**
   * The refused rows from the process's report ({@code email;reason} lines). ⚠ Unverified: Brevo
   * documents {@code export_url} without its content for imports; the sandbox serves this shape.
   * Without a report (none given, or gone, refused or too large), one nameless entry per counted
   * invalid email, saying why.
   */
  @Override
  public List<RejectedRow> rejectedRows(String jobId) {
    BrevoTypes.ImportProcess p = imports.process(Long.parseLong(jobId));
    List<RejectedRow> out = new ArrayList<>();
    String unnamed = "Brevo counted an invalid email it did not name";
    if (p.exportUrl() != null && !p.exportUrl().isBlank()) {
      try {
        for (String line : imports.processReport(p.exportUrl()).split("\r?\n")) {
          int semi = line.indexOf(';');
          if (line.isBlank() || semi <= 0 || line.startsWith("email;")) {
            continue;
          }
          out.add(new RejectedRow(line.substring(0, semi).trim(), line.substring(semi + 1).trim()));
        }
        return out;
      } catch (BrevoExports.Unusable e) {
        unnamed += "; its report could not be read: " + e.getMessage();
      }
    }
    for (int i = 0; i < p.invalidEmails(); i++) {
      out.add(new RejectedRow(null, unnamed));
    }
    return out;
  }

  @Override
  public String bulkFamily() {
    return BrevoConnector.CONTACTS_FAMILY;
  }

  @Override
  public String jobFamily() {
    return BrevoConnector.TEAM_FAMILY;
  }

  @Override
  public int maxRowsPerJob() {
    return BrevoConnector.ROWS_PER_IMPORT;
  }

  @Override
  public long maxBytesPerJob() {
    return 4L * 1024 * 1024;
  }

  @Override
  public Duration pollInterval() {
    return Duration.ofSeconds(40);
  }
}
