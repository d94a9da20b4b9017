package dev.roster.activities.brevo;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.spi.BulkImportConnector;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.workflows.account.Capabilities;

/**
 * One Brevo account as Roster sees it: team members by invitation ({@link #team()}), contacts and
 * lists ({@link #contacts()}) and contact imports ({@link #bulkImports()}), all over one {@link
 * BrevoClient}.
 */
public final class BrevoConnector {

  /** Invitations the person accepts; contacts, lists, blacklist and erasure by API. */
  public static final Capabilities CAPABILITIES =
      new Capabilities(Capabilities.TeamInvite.INVITATION, true, true, true, true);

  /** Team calls share Brevo's /organization budget (100 per hour). */
  public static final String TEAM_FAMILY = "organization";

  /** Contact and list calls share Brevo's /contacts budget (10 per second). */
  public static final String CONTACTS_FAMILY = "contacts";

  /** Brevo imports are large and /processes polls are scarce (100 per hour). */
  static final int ROWS_PER_IMPORT = 10_000;

  private final BrevoTeam team;
  private final BrevoContacts contacts;
  private final BrevoBulkImport bulk;

  public BrevoConnector(BrevoClient client) {
    requireNonNull(client, "client is null");
    this.team = new BrevoTeam(client.organization());
    this.contacts = new BrevoContacts(client);
    this.bulk = new BrevoBulkImport(client.imports());
  }

  /** Team members by invitation, on the organization family. */
  public TeamConnector team() {
    return team;
  }

  /** Contacts, lists, blacklist and erasure, on the contacts family. */
  public ContactConnector contacts() {
    return contacts;
  }

  /** This account's bulk-import side (BulkImport's chunks and jobs). */
  public BulkImportConnector bulkImports() {
    return bulk;
  }
}
