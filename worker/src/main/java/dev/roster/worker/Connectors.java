package dev.roster.worker;

import dev.roster.activities.brevo.BrevoClient;
import dev.roster.activities.brevo.BrevoConnector;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.VendorHttp;
import dev.roster.activities.listmonk.ListmonkClient;
import dev.roster.activities.listmonk.ListmonkConnector;
import dev.roster.activities.mailersend.MailerSendConnector;
import dev.roster.activities.mailjet.MailjetClient;
import dev.roster.activities.mailjet.MailjetConnector;
import dev.roster.activities.spi.BulkImportConnector;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.worker.config.ConfigException;
import dev.roster.worker.config.RateBudgetConfig;
import dev.roster.workflows.account.Capabilities;
import okhttp3.HttpUrl;

/** Builds the connector of a vendor account from its type. */
final class Connectors {

  /**
   * The connectors of one account. {@code team} is null where the vendor has no team API (Mailjet:
   * manual tasks), {@code contacts} where it keeps no contacts (MailerSend).
   */
  record Built(
      TeamConnector team,
      ContactConnector contacts,
      BulkImportConnector bulk,
      Capabilities capabilities,
      String teamFamily,
      String contactsFamily) {}

  static Built build(VendorAccount account) {
    return switch (account.config().type()) {
      case BREVO -> brevo(account);
      case MAILJET -> mailjet(account);
      case LISTMONK -> listmonk(account);
      case MAILERSEND -> mailerSend(account);
    };
  }

  private static Built brevo(VendorAccount account) {
    BrevoClient client =
        new BrevoClient(
            url(account),
            account.credential(),
            budget(account, BrevoConnector.TEAM_FAMILY),
            budget(account, BrevoConnector.CONTACTS_FAMILY),
            VendorHttp.newClient("brevo", BrevoClient.REQUEST_ID_HEADERS));
    BrevoConnector c = new BrevoConnector(client);
    return new Built(
        c.team(),
        c.contacts(),
        c.bulkImports(),
        BrevoConnector.CAPABILITIES,
        BrevoConnector.TEAM_FAMILY,
        BrevoConnector.CONTACTS_FAMILY);
  }

  /** MailerSend keeps recipients, not contacts: its contact side only suppresses and erases. */
  private static Built mailerSend(VendorAccount account) {
    MailerSendConnector c =
        MailerSendConnector.create(
            account.baseUrl().toString(),
            account.credential(),
            budget(account, MailerSendConnector.TEAM_FAMILY));
    return new Built(
        c.team(),
        c.contacts(),
        null,
        MailerSendConnector.CAPABILITIES,
        MailerSendConnector.TEAM_FAMILY,
        MailerSendConnector.TEAM_FAMILY);
  }

  /** Mailjet credentials are {@code APIKEY:SECRETKEY} (Basic auth, vendors.md §1). */
  private static Built mailjet(VendorAccount account) {
    Secret[] pair = pair(account, "APIKEY:SECRETKEY");
    MailjetClient client =
        new MailjetClient(
            url(account),
            pair[0],
            pair[1],
            budget(account, MailjetConnector.CONTACTS_FAMILY),
            VendorHttp.newClient("mailjet", MailjetClient.REQUEST_ID_HEADERS));
    MailjetConnector c = new MailjetConnector(client);
    return new Built(
        null,
        c.contacts(),
        c.bulkImports(),
        MailjetConnector.CAPABILITIES,
        MailjetConnector.CONTACTS_FAMILY,
        MailjetConnector.CONTACTS_FAMILY);
  }

  /** listmonk credentials are {@code api_user:token} (vendors.md §3). */
  private static Built listmonk(VendorAccount account) {
    Secret[] pair = pair(account, "API_USER:TOKEN");
    ListmonkClient client =
        new ListmonkClient(
            url(account),
            pair[0].reveal(),
            pair[1],
            budget(account, ListmonkConnector.FAMILY),
            VendorHttp.newClient("listmonk", ListmonkClient.REQUEST_ID_HEADERS));
    ListmonkConnector c = new ListmonkConnector(client);
    return new Built(
        c.team(),
        c.contacts(),
        c.bulkImports(),
        ListmonkConnector.CAPABILITIES,
        ListmonkConnector.FAMILY,
        ListmonkConnector.FAMILY);
  }

  static HttpUrl url(VendorAccount account) {
    return HttpUrl.get(account.baseUrl().toString());
  }

  /** Splits a {@code left:right} credential; the message never shows the value. */
  private static Secret[] pair(VendorAccount account, String shape) {
    String value = account.credential().reveal();
    int colon = value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new ConfigException(
          "accounts." + account.id(),
          "accounts."
              + account.id()
              + ".credentials: a "
              + account.config().type().yamlName()
              + " credential has the form "
              + shape);
    }
    return new Secret[] {
      new Secret(value.substring(0, colon)), new Secret(value.substring(colon + 1))
    };
  }

  static RateBudget budget(VendorAccount account, String family) {
    RateBudgetConfig config = account.config().rateBudgets().get(family);
    return RateBudget.of(
        account.config().type().yamlName(),
        account.id() + "/" + family,
        RateBudget.Limit.vendorLimit(config.requests(), config.per()));
  }

  private Connectors() {}
}
