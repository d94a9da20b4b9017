package dev.roster.activities.mailjet;

import static dev.roster.activities.mailjet.MailjetTransport.VENDOR;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.activities.http.Answers;
import dev.roster.activities.http.VendorUnavailable;
import dev.roster.activities.mailjet.MailjetTransport.Reply;
import dev.roster.activities.mailjet.MailjetTypes.BulkContact;
import dev.roster.activities.mailjet.MailjetTypes.BulkJob;
import dev.roster.activities.mailjet.MailjetTypes.BulkRowError;
import dev.roster.activities.mailjet.MailjetTypes.ListAction;
import java.util.List;

/**
 * Mailjet's bulk jobs: managemanycontacts, its status and error file (vendors.md §1). Shares the
 * {@link MailjetClient}'s transport and budget; obtain it with {@link MailjetClient#jobs()}.
 * Thread-safe.
 */
public final class MailjetJobs {
  private final MailjetTransport transport;

  MailjetJobs(MailjetTransport transport) {
    this.transport = transport;
  }

  /** Starts an asynchronous bulk upsert. POST /v3/REST/contact/managemanycontacts; the JobID. */
  public long start(List<BulkContact> contacts, List<ListAction> lists) {
    var rows =
        contacts.stream()
            .map(
                c ->
                    new MailjetWire.BulkContact(
                        c.email(), c.name(), c.excludedFromCampaigns(), c.properties()))
            .toList();
    var actions =
        lists.stream().map(l -> new MailjetWire.ListAction(l.listId(), l.action().wire())).toList();
    var body = new MailjetWire.ManageManyContacts(rows, actions);
    MailjetWire.JobId job =
        transport
            .post(
                "startBulkJob",
                transport.url(MailjetClient.REST + "/contact/managemanycontacts"),
                body)
            .first(MailjetWire.JobId.class);
    if (job == null || job.jobId() == null) {
      throw new VendorUnavailable(VENDOR, "startBulkJob", 201, null, "no JobID in the answer");
    }
    return job.jobId();
  }

  /** GET /v3/REST/contact/managemanycontacts/{jobId}; either status vocabulary (vendors.md ⚠). */
  public BulkJob status(long jobId) {
    var url =
        transport
            .url(MailjetClient.REST + "/contact/managemanycontacts")
            .addPathSegment(Long.toString(jobId));
    Reply reply = transport.get("bulkJobStatus", url);
    MailjetWire.JobStatus s = reply.first(MailjetWire.JobStatus.class);
    if (s == null || s.status() == null) {
      throw Answers.unreadable(VENDOR, "bulkJobStatus", reply.status(), "no job Status");
    }
    return MailjetWire.JobStatus.toBulkJob(jobId, s);
  }

  /**
   * The rows a finished job refused. GET /v3/DATA/batchjob/{jobId}/JSONError/application:json/LAST.
   * The file's shape is undocumented ("JSON error details"), so it is read leniently: an array of
   * row objects, or an envelope whose Data holds them.
   */
  public List<BulkRowError> errors(long jobId) {
    var url =
        transport
            .url("v3/DATA/batchjob")
            .addPathSegment(Long.toString(jobId))
            .addPathSegments("JSONError/application:json/LAST");
    JsonNode tree = transport.get("bulkJobErrors", url).tree();
    return MailjetWire.rowErrors(tree);
  }
}
