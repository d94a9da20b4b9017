package dev.roster.activities.mailjet;

import dev.roster.activities.bulkimport.ImportRow;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.mailjet.MailjetTypes.Action;
import dev.roster.activities.mailjet.MailjetTypes.BulkContact;
import dev.roster.activities.mailjet.MailjetTypes.ListAction;
import dev.roster.activities.spi.BulkImportConnector;
import dev.roster.activities.spi.BulkJob;
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
    List<ListAction> lists = new ArrayList<>();
    for (String id : listIds) {
      try {
        lists.add(new ListAction(Long.parseLong(id.trim()), Action.ADDNOFORCE));
      } catch (NumberFormatException e) {
        throw new Rejected(
            MailjetTransport.VENDOR,
            "startBulkJob",
            0,
            null,
            "list id '" + id + "' is not numeric");
      }
    }
    Map<String, String> datatypes = new LinkedHashMap<>();
    List<BulkContact> contacts = new ArrayList<>(rows.size());
    for (ImportRow row : rows) {
      Map<String, Object> properties = new LinkedHashMap<>();
      row.attributes().forEach((k, v) -> properties.put(k.trim().toLowerCase(Locale.ROOT), v));
      if (row.firstName() != null) {
        properties.put(MailjetConnector.FIRST_NAME_PROPERTY, row.firstName());
      }
      if (row.lastName() != null) {
        properties.put(MailjetConnector.LAST_NAME_PROPERTY, row.lastName());
      }
      properties.keySet().forEach(name -> datatypes.put(name, "str"));
      contacts.add(new BulkContact(row.email(), displayName(row), null, properties));
    }
    if (!datatypes.isEmpty()) {
      client.ensureProperties(datatypes);
    }
    return Long.toString(client.startBulkJob(contacts, lists));
  }

  @Override
  public BulkJob jobStatus(String jobId) {
    MailjetTypes.BulkJob job = client.bulkJobStatus(Long.parseLong(jobId));
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
    MailjetTypes.BulkJob job = client.bulkJobStatus(Long.parseLong(jobId));
    if (!job.hasRowErrors() && job.state() != MailjetTypes.JobState.FAILED) {
      return List.of();
    }
    return client.bulkJobErrors(Long.parseLong(jobId)).stream()
        .map(e -> new RejectedRow(e.email(), e.message()))
        .toList();
  }

  private static String displayName(ImportRow row) {
    String joined =
        ((row.firstName() == null ? "" : row.firstName())
                + " "
                + (row.lastName() == null ? "" : row.lastName()))
            .trim();
    return joined.isEmpty() ? null : joined;
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
