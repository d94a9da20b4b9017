package dev.roster.activities.mailjet;

import dev.roster.activities.bulkimport.ImportRow;
import dev.roster.activities.mailjet.MailjetTypes.Action;
import dev.roster.activities.mailjet.MailjetTypes.BulkContact;
import dev.roster.activities.mailjet.MailjetTypes.ListAction;
import dev.roster.activities.spi.BulkImportConnector;
import dev.roster.activities.spi.BulkJob;
import dev.roster.activities.spi.ConnectorInput;
import dev.roster.activities.spi.RejectedRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Mailjet's bulk endpoint, {@code managemanycontacts} (vendors.md §1). Properties must exist in
 * contactmetadata before a job uses them, so a job first defines the ones its rows carry. Lists use
 * {@code addnoforce}: a contact who unsubscribed stays unsubscribed.
 */
final class MailjetBulkImport implements BulkImportConnector {
  private final MailjetClient client;

  MailjetBulkImport(MailjetClient client) {
    this.client = client;
  }

  /**
   * Mailjet runs jobs side by side and its one budget (3 a second) is shared by starts and polls:
   * three jobs keep it busy while each waits for its next poll.
   */
  @Override
  public int maxJobsInFlight() {
    return 3;
  }

  @Override
  public String startImport(List<ImportRow> rows, List<String> listIds) {
    List<ListAction> lists =
        ConnectorInput.numericListIds(MailjetTransport.VENDOR, "startBulkJob", listIds).stream()
            .map(id -> new ListAction(id, Action.ADDNOFORCE))
            .toList();
    Map<String, String> datatypes = new LinkedHashMap<>();
    List<BulkContact> contacts = new ArrayList<>(rows.size());
    for (ImportRow row : rows) {
      Map<String, Object> properties = new LinkedHashMap<>();
      row.attributes().forEach((k, v) -> properties.put(k.trim().toLowerCase(Locale.ROOT), v));
      if (row.firstName() != null) {
        properties.put(MailjetContacts.FIRST_NAME_PROPERTY, row.firstName());
      }
      if (row.lastName() != null) {
        properties.put(MailjetContacts.LAST_NAME_PROPERTY, row.lastName());
      }
      properties.keySet().forEach(name -> datatypes.put(name, "str"));
      contacts.add(
          new BulkContact(
              row.email(),
              ConnectorInput.fullName(row.firstName(), row.lastName()),
              null,
              properties));
    }
    if (!datatypes.isEmpty()) {
      client.ensureProperties(datatypes);
    }
    return Long.toString(client.jobs().start(contacts, lists));
  }

  @Override
  public BulkJob jobStatus(String jobId) {
    MailjetTypes.BulkJob job = client.jobs().status(Long.parseLong(jobId));
    BulkJob.State state =
        switch (job.state()) {
          case COMPLETED -> BulkJob.State.COMPLETED;
          case FAILED -> BulkJob.State.FAILED;
          case RUNNING -> BulkJob.State.RUNNING;
        };
    String error = job.error() == null || job.error().isEmpty() ? null : job.error();
    return new BulkJob(jobId, job.status(), state, job.count(), 0, error);
  }

  @Override
  public List<RejectedRow> rejectedRows(String jobId) {
    MailjetTypes.BulkJob job = client.jobs().status(Long.parseLong(jobId));
    if (!job.hasRowErrors() && job.state() != MailjetTypes.JobState.FAILED) {
      return List.of();
    }
    return client.jobs().errors(Long.parseLong(jobId)).stream()
        .map(e -> new RejectedRow(e.email(), e.message()))
        .toList();
  }

  @Override
  public String bulkFamily() {
    return MailjetConnector.CONTACTS_FAMILY;
  }

  @Override
  public String jobFamily() {
    return MailjetConnector.CONTACTS_FAMILY;
  }

  @Override
  public int maxRowsPerJob() {
    return MailjetConnector.ROWS_PER_JOB;
  }

  @Override
  public long maxBytesPerJob() {
    return 2L * 1024 * 1024;
  }

  @Override
  public Duration pollInterval() {
    return Duration.ofSeconds(2);
  }
}
