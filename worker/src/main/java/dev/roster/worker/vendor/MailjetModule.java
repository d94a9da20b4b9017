package dev.roster.worker.vendor;

import static dev.roster.worker.vendor.VendorBinder.vendorBinder;

import com.google.inject.AbstractModule;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.VendorHttp;
import dev.roster.activities.mailjet.MailjetClient;
import dev.roster.activities.mailjet.MailjetConnector;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.config.CredentialShape;
import dev.roster.worker.config.VendorType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Mailjet: no team API (manual tasks); contacts, properties, lists and bulk import. */
public final class MailjetModule extends AbstractModule {
  /**
   * ⚠ The unit is disputed: dev.mailjet.com's rate-limits page says calls "per API key per second",
   * its status-code page says "per minute". We follow the rate-limits page; Mailjet sends no
   * rate-limit headers, so if 429s show up the per-minute reading is the real one and operators
   * should set {@code rateBudgets.api: {requests: 3, per: 1m}} or similar. Credentials are {@code
   * APIKEY:SECRETKEY} (Basic auth, vendors.md §1).
   */
  public static final VendorType TYPE =
      VendorType.builder("mailjet", "Mailjet")
          .defaultBaseUrl("https://api.mailjet.com")
          .family(MailjetConnector.CONTACTS_FAMILY, 3, Duration.ofSeconds(1))
          .capabilities(MailjetConnector.CAPABILITIES)
          .credentials(CredentialShape.pair("APIKEY:SECRETKEY"))
          .build();

  @Override
  protected void configure() {
    vendorBinder(binder()).bind(TYPE, MailjetModule::connect);
  }

  static VendorConnectors connect(VendorAccount account) {
    List<Secret> pair = account.credentialParts();
    MailjetClient client =
        new MailjetClient(
            account.url(),
            pair.get(0),
            pair.get(1),
            account.budget(MailjetConnector.CONTACTS_FAMILY),
            VendorHttp.newClient("mailjet", MailjetClient.REQUEST_ID_HEADERS));
    MailjetConnector c = new MailjetConnector(client);
    return new VendorConnectors(
        Optional.empty(),
        Optional.of(c.contacts()),
        Optional.of(c.bulkImports()),
        MailjetConnector.CAPABILITIES,
        MailjetConnector.CONTACTS_FAMILY,
        MailjetConnector.CONTACTS_FAMILY);
  }
}
