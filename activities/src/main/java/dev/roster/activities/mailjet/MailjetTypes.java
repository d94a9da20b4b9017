package dev.roster.activities.mailjet;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;

/** What {@link MailjetClient} returns and takes: Roster-side views of Mailjet objects. */
public final class MailjetTypes {

  /** vendors.md §1: a contact erased through v4 reads back with this Name. */
  public static final String ANONYMIZED_NAME = "Anonymized";

  /** A contact as Mailjet stores it. */
  public record Contact(long id, String email, String name, boolean excludedFromCampaigns) {
    /** Whether the v4 erasure has anonymised it. */
    public boolean anonymized() {
      return ANONYMIZED_NAME.equals(name);
    }
  }

  /** A contact list; {@code address} is what {@code ListAlt} refers to. */
  public record ContactList(long id, String name, String address, boolean deleted) {}

  /** A contact property definition (contactmetadata). */
  public record Property(long id, String name, String datatype) {}

  /** One contact's membership of one list. */
  public record ListRecipient(long id, long contactId, long listId, boolean unsubscribed) {}

  /**
   * One row of a bulk job.
   *
   * @param name display name, or null to leave it
   * @param excludedFromCampaigns null to leave it
   * @param properties static properties; a null value unsets one
   */
  public record BulkContact(
      String email, String name, Boolean excludedFromCampaigns, Map<String, Object> properties) {
    public BulkContact {
      requireNonNull(email, "email is null");
    }
  }

  /** What a bulk job does with a list (vendors.md §1). */
  public enum Action {
    /** Subscribe, re-subscribing those who unsubscribed. */
    ADDFORCE,
    /** Subscribe, leaving those who unsubscribed alone. */
    ADDNOFORCE,
    REMOVE,
    UNSUB;

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A list and the action a bulk job applies to it. */
  public record ListAction(long listId, Action action) {
    public ListAction {
      requireNonNull(action, "action is null");
    }
  }

  /** Where a bulk job stands. */
  public enum JobState {
    RUNNING,
    COMPLETED,
    FAILED
  }

  /**
   * A bulk job's status.
   *
   * @param status Mailjet's own value, from either vocabulary (vendors.md §1 ⚠)
   * @param error non-empty when some rows failed; read them with {@code bulkJobErrors}
   */
  public record BulkJob(
      long jobId, String status, JobState state, int count, String error, String errorFile) {
    public boolean hasRowErrors() {
      return (error != null && !error.isEmpty()) || (errorFile != null && !errorFile.isEmpty());
    }
  }

  /** One row a bulk job refused. */
  public record BulkRowError(String email, String message) {}

  private MailjetTypes() {}
}
