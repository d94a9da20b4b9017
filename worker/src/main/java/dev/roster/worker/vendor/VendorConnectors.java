package dev.roster.worker.vendor;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.spi.BulkImportConnector;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.workflows.account.Capabilities;
import java.util.Optional;

/**
 * The connectors of one account, with the endpoint family each side's calls count against.
 *
 * @param team empty where the vendor has no team API (Mailjet: manual tasks)
 * @param contacts empty where the vendor keeps no contacts at all
 * @param bulk empty where the vendor has no bulk import (MailerSend)
 * @param capabilities what the connector declares it can do
 * @param teamFamily the endpoint family of team calls (its task queue and budget)
 * @param contactsFamily the endpoint family of contact and list calls
 */
public record VendorConnectors(
    Optional<TeamConnector> team,
    Optional<ContactConnector> contacts,
    Optional<BulkImportConnector> bulk,
    Capabilities capabilities,
    String teamFamily,
    String contactsFamily) {
  public VendorConnectors {
    requireNonNull(team, "team is null");
    requireNonNull(contacts, "contacts is null");
    requireNonNull(bulk, "bulk is null");
    requireNonNull(capabilities, "capabilities is null");
    requireNonNull(teamFamily, "teamFamily is null");
    requireNonNull(contactsFamily, "contactsFamily is null");
  }
}
