package dev.roster.activities.mailjet;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.spi.BulkImportConnector;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.workflows.account.Capabilities;

/**
 * One Mailjet account as Roster sees it: contacts, properties and lists by API ({@link
 * #contacts()}) and bulk upserts ({@link #bulkImports()}); team members only by hand, since Mailjet
 * has no API for account collaborators (vendors.md §1 "Account users"), so it has no team side.
 */
public final class MailjetConnector {

  /** No team API (manual task); contacts, lists, exclusion and erasure by API. */
  public static final Capabilities CAPABILITIES =
      new Capabilities(Capabilities.TeamInvite.MANUAL, true, true, true, true);

  /** Mailjet limits per API key, so every call shares one budget. */
  public static final String CONTACTS_FAMILY = "api";

  /** Rows per managemanycontacts job; Mailjet documents no limit, so one that stays quick. */
  static final int ROWS_PER_JOB = 5_000;

  private final MailjetContacts contacts;
  private final MailjetBulkImport bulk;

  public MailjetConnector(MailjetClient client) {
    requireNonNull(client, "client is null");
    this.contacts = new MailjetContacts(client);
    this.bulk = new MailjetBulkImport(client);
  }

  /** Contacts, properties, lists, exclusion and erasure. */
  public ContactConnector contacts() {
    return contacts;
  }

  /** This account's bulk-import side (BulkImport's chunks and jobs). */
  public BulkImportConnector bulkImports() {
    return bulk;
  }
}
