package dev.roster.activities.brevo;

import static dev.roster.activities.brevo.BrevoClient.VENDOR;

import dev.roster.activities.brevo.BrevoTransport.Reply;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.VendorUnavailable;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Brevo's contact import and its process (vendors.md §4): started on the contacts budget, polled on
 * the organization one, and its report of refused rows read from wherever Brevo serves it.
 * Thread-safe; throws the {@code dev.roster.activities.http} exceptions.
 */
public final class BrevoImportsApi {
  private final BrevoTransport transport;
  private final RateBudget contacts;
  private final RateBudget organization;
  private final BrevoExports exports;

  BrevoImportsApi(
      BrevoTransport transport,
      RateBudget contacts,
      RateBudget organization,
      BrevoExports exports) {
    this.transport = transport;
    this.contacts = contacts;
    this.organization = organization;
    this.exports = exports;
  }

  /**
   * Starts an asynchronous import of contacts (upsert: {@code updateExistingContacts}). POST
   * /contacts/import with {@code jsonBody}; 202 {@code {"processId"}}. Counted on the contacts
   * budget.
   */
  public long importContacts(List<BrevoTypes.ImportContact> rows, List<Long> listIds) {
    var body =
        new BrevoWire.ImportContacts(
            rows.stream().map(r -> new BrevoWire.JsonContact(r.email(), r.attributes())).toList(),
            listIds,
            true,
            false,
            true);
    Reply reply =
        transport.send(
            "importContacts", contacts, transport.post(transport.url("contacts/import"), body));
    BrevoWire.ProcessId id = reply.read(BrevoWire.ProcessId.class);
    if (id.processId() == null) {
      throw new VendorUnavailable(VENDOR, "importContacts", reply.status(), null, "no processId");
    }
    return id.processId();
  }

  /**
   * A process's status. GET /processes/{id}. Brevo counts /processes among its "other endpoints"
   * (100 per hour, vendors.md §4), so it is paced by the organization budget, never the contacts
   * one. NotFound for an unknown id.
   */
  public BrevoTypes.ImportProcess process(long processId) {
    HttpUrl.Builder url = transport.url("processes").addPathSegment(Long.toString(processId));
    BrevoWire.Process p =
        transport
            .send("getProcess", organization, transport.get(url))
            .read(BrevoWire.Process.class);
    if (p.status() == null) {
      throw new VendorUnavailable(VENDOR, "getProcess", 200, null, "no status in the answer");
    }
    return BrevoWire.Process.toImportProcess(processId, p);
  }

  /**
   * Reads a process's report file ({@code export_url}, a URL or an HTML link to one): {@code
   * email;reason} lines of refused rows. On any host, over https, without the API key ({@link
   * BrevoExports}).
   *
   * @throws BrevoExports.Unusable when the report cannot be had; VendorUnavailable (retryable)
   */
  public String processReport(String exportUrl) {
    return exports.fetch(exportUrl);
  }
}
