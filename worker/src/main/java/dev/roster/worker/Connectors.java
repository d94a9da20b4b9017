package dev.roster.worker;

import dev.roster.activities.brevo.BrevoClient;
import dev.roster.activities.brevo.BrevoConnector;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.VendorHttp;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.worker.config.RateBudgetConfig;
import okhttp3.HttpUrl;

/** Builds the connector of a vendor account from its type. */
final class Connectors {

  /** The connector of one account; it serves both team and contact calls. */
  record Built(TeamConnector team, ContactConnector contacts) {}

  static Built build(VendorAccount account) {
    return switch (account.config().type()) {
      case BREVO -> brevo(account);
      default ->
          throw new IllegalArgumentException(
              "accounts."
                  + account.id()
                  + ".type: "
                  + account.config().type().yamlName()
                  + " has no connector yet (supported: brevo)");
    };
  }

  private static Built brevo(VendorAccount account) {
    BrevoClient client =
        new BrevoClient(
            HttpUrl.get(account.baseUrl().toString()),
            account.credential(),
            budget(account, BrevoConnector.TEAM_FAMILY),
            budget(account, BrevoConnector.CONTACTS_FAMILY),
            VendorHttp.newClient("brevo", BrevoClient.REQUEST_ID_HEADERS));
    BrevoConnector connector = new BrevoConnector(client);
    return new Built(connector, connector);
  }

  private static RateBudget budget(VendorAccount account, String family) {
    RateBudgetConfig config = account.config().rateBudgets().get(family);
    return RateBudget.of(
        account.config().type().yamlName(),
        account.id() + "/" + family,
        new RateBudget.Limit(config.requests(), config.per()));
  }

  private Connectors() {}
}
