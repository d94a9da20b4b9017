package dev.roster.activities.spi;

import dev.roster.activities.bulkimport.ImportRow;
import java.time.Duration;
import java.util.List;

/**
 * The bulk endpoint of one vendor account: start an asynchronous import of many contacts, read the
 * job's status, read the rows it refused. Every vendor import is an upsert (Mailjet
 * managemanycontacts, Brevo /contacts/import with updateExistingContacts, listmonk's import with
 * overwrite), so sending the same rows again leaves the same contacts: that is what lets a bulk
 * import resend a chunk after a worker restart without repeating rows. Thread-safe; throws the
 * {@code dev.roster.activities.http.VendorException} hierarchy (RateLimited and VendorUnavailable
 * retryable, AuthFailed and Rejected not).
 */
public interface BulkImportConnector {

  /** The endpoint family (task queue) that starts jobs, e.g. {@code contacts}. */
  String bulkFamily();

  /** The endpoint family (task queue) that reads job status and errors. */
  String jobFamily();

  /** The most rows one job may carry. */
  int maxRowsPerJob();

  /** The most CSV bytes (as read from the source) one job may carry. */
  long maxBytesPerJob();

  /**
   * The most jobs of one account worth running at once: 1 where the vendor runs imports one at a
   * time (listmonk) or where polls, not jobs, spend the binding budget (Brevo's 100 an hour).
   */
  default int maxJobsInFlight() {
    return 1;
  }

  /** How long to wait between status polls; the job family's budget sets the floor. */
  Duration pollInterval();

  /**
   * Starts a job that upserts {@code rows} and subscribes them to {@code listIds} (vendor list
   * ids). Opt-outs stay: a contact that unsubscribed from a list is not re-subscribed. Idempotent
   * in effect (an upsert), not in calls: each call starts a new job.
   *
   * @return the vendor's job id (a synthetic one where the vendor has none)
   * @throws dev.roster.activities.http.Rejected for an unknown list or a refused request
   */
  String startImport(List<ImportRow> rows, List<String> listIds);

  /** Where a job stands. Read-only. */
  BulkJob jobStatus(String jobId);

  /**
   * The rows a finished job refused, with the vendor's reason. Read-only. A vendor that names no
   * rows returns one entry with a null email per refused row it counted.
   */
  List<RejectedRow> rejectedRows(String jobId);
}
