package dev.roster.activities.mailjet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mailjet wire shapes, one record per request or response body (vendors.md §1; the typed contract
 * is mailjet-apiv3-nodejs {@code lib/types/api/Contact.ts}). Mailjet spells fields in PascalCase,
 * so every component names its JSON property. Kept apart from {@link MailjetTypes} so a vendor
 * quirk stays in this file.
 */
final class MailjetWire {

  /** {@code {"Count","Data","Total"}}, the envelope of every v3 REST answer. */
  record Envelope<T>(
      @JsonProperty("Count") Integer count,
      @JsonProperty("Data") List<T> data,
      @JsonProperty("Total") Integer total) {}

  /** {@code {"ErrorInfo","ErrorMessage","StatusCode"}}; 5xx add ErrorIdentifier. */
  record ErrorBody(
      @JsonProperty("ErrorInfo") String errorInfo,
      @JsonProperty("ErrorMessage") String errorMessage,
      @JsonProperty("StatusCode") Integer statusCode) {}

  /** A contact as GET/POST/PUT /contact answer it. */
  record Contact(
      @JsonProperty("ID") Long id,
      @JsonProperty("Email") String email,
      @JsonProperty("Name") String name,
      @JsonProperty("IsExcludedFromCampaigns") Boolean isExcludedFromCampaigns) {
    MailjetTypes.Contact toContact() {
      return new MailjetTypes.Contact(
          id == null ? 0 : id, email, name, Boolean.TRUE.equals(isExcludedFromCampaigns));
    }
  }

  /** POST /contact: Email is required. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CreateContact(
      @JsonProperty("Email") String email,
      @JsonProperty("Name") String name,
      @JsonProperty("IsExcludedFromCampaigns") Boolean isExcludedFromCampaigns) {}

  /** PUT /contact/{id}: Email cannot be changed ({@code PutContactBody = Omit<…,'Email'>}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record UpdateContact(
      @JsonProperty("Name") String name,
      @JsonProperty("IsExcludedFromCampaigns") Boolean isExcludedFromCampaigns) {}

  /** POST and GET /contactmetadata. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ContactMetadata(
      @JsonProperty("ID") Long id,
      @JsonProperty("Name") String name,
      @JsonProperty("Datatype") String datatype,
      @JsonProperty("NameSpace") String nameSpace) {}

  /** PUT /contactdata/{id}, and Data[0] of its answers. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ContactData(
      @JsonProperty("ID") Long id,
      @JsonProperty("ContactID") Long contactId,
      @JsonProperty("Data") List<NameValue> data) {}

  /**
   * One property value; a null Value is written out because it unsets the property. vendors.md §1
   * ⚠: the guide writes {@code name}/{@code value}, the SDK types {@code Name}/{@code Value};
   * Roster sends the SDK's spelling.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record NameValue(@JsonProperty("Name") String name, @JsonProperty("Value") Object value) {}

  /** A contactslist. */
  record ContactsList(
      @JsonProperty("ID") Long id,
      @JsonProperty("Name") String name,
      @JsonProperty("Address") String address,
      @JsonProperty("IsDeleted") Boolean isDeleted) {
    MailjetTypes.ContactList toContactList() {
      return new MailjetTypes.ContactList(
          id == null ? 0 : id, name, address, Boolean.TRUE.equals(isDeleted));
    }
  }

  /** POST /contactslist. */
  record CreateList(@JsonProperty("Name") String name) {}

  /** A listrecipient ({@code ContactSubscription} in Contact.ts). */
  record ListRecipient(
      @JsonProperty("ID") Long id,
      @JsonProperty("ContactID") Long contactId,
      @JsonProperty("ListID") Long listId,
      @JsonProperty("IsUnsubscribed") Boolean isUnsubscribed) {
    MailjetTypes.ListRecipient toRecipient() {
      return new MailjetTypes.ListRecipient(
          id == null ? 0 : id,
          contactId == null ? 0 : contactId,
          listId == null ? 0 : listId,
          Boolean.TRUE.equals(isUnsubscribed));
    }
  }

  /**
   * POST /listrecipient. vendors.md §1 ⚠: the Java SDK names these Contact/List/IsActive; the docs
   * and the Node types say ContactID/ListID, which Roster sends.
   */
  record Subscribe(
      @JsonProperty("ContactID") long contactId,
      @JsonProperty("ListID") long listId,
      @JsonProperty("IsUnsubscribed") boolean isUnsubscribed) {}

  /** PUT /listrecipient/{id}. */
  record SetUnsubscribed(@JsonProperty("IsUnsubscribed") boolean isUnsubscribed) {}

  /** POST /contact/managemanycontacts. */
  record ManageManyContacts(
      @JsonProperty("Contacts") List<BulkContact> contacts,
      @JsonProperty("ContactsLists") List<ListAction> contactsLists) {}

  /** One row of a bulk job; a null property value unsets it, so Properties keeps its nulls. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record BulkContact(
      @JsonProperty("Email") String email,
      @JsonProperty("Name") String name,
      @JsonProperty("IsExcludedFromCampaigns") Boolean isExcludedFromCampaigns,
      @JsonProperty("Properties") Map<String, Object> properties) {}

  /** One list and what the job does with it (addforce, addnoforce, remove, unsub). */
  record ListAction(@JsonProperty("ListID") long listId, @JsonProperty("Action") String action) {}

  /** Data[0] of the 201 from POST /contact/managemanycontacts. */
  record JobId(@JsonProperty("JobID") Long jobId) {}

  /** Data[0] of GET /contact/managemanycontacts/{jobId}. */
  record JobStatus(
      @JsonProperty("Status") String status,
      @JsonProperty("Count") Integer count,
      @JsonProperty("Error") String error,
      @JsonProperty("ErrorFile") String errorFile,
      @JsonProperty("JobStart") String jobStart,
      @JsonProperty("JobEnd") String jobEnd) {

    // vendors.md §1 ⚠: the guide ends jobs in Completed, Error or Abort; the Node SDK knows
    // Completed, "In Progress" and Error. Anything else means the job is still running.
    private static final Set<String> FAILED = Set.of("Error", "Abort");

    static MailjetTypes.BulkJob toBulkJob(long jobId, JobStatus s) {
      String status = s == null || s.status() == null ? "" : s.status();
      MailjetTypes.JobState state =
          status.equals("Completed")
              ? MailjetTypes.JobState.COMPLETED
              : FAILED.contains(status)
                  ? MailjetTypes.JobState.FAILED
                  : MailjetTypes.JobState.RUNNING;
      return new MailjetTypes.BulkJob(
          jobId,
          status,
          state,
          s == null || s.count() == null ? 0 : s.count(),
          s == null ? null : s.error(),
          s == null ? null : s.errorFile());
    }
  }

  /**
   * The rows of a job's error file. Its shape is undocumented ("JSON error details"), so it is read
   * leniently: an array of row objects, or an envelope whose Data holds them; field names in any
   * case, {@code Error} or {@code ErrorMessage}.
   */
  static List<MailjetTypes.BulkRowError> rowErrors(JsonNode tree) {
    JsonNode rows = tree == null ? null : tree.isArray() ? tree : tree.path("Data");
    List<MailjetTypes.BulkRowError> out = new ArrayList<>();
    if (rows != null && rows.isArray()) {
      rows.forEach(r -> out.add(new MailjetTypes.BulkRowError(text(r, "Email"), text(r, "Error"))));
    }
    return out;
  }

  private static String text(JsonNode row, String field) {
    for (var it = row.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (name.equalsIgnoreCase(field) || name.equalsIgnoreCase(field + "Message")) {
        return row.path(name).asText(null);
      }
    }
    return null;
  }

  private MailjetWire() {}
}
