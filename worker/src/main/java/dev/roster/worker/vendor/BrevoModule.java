package dev.roster.worker.vendor;

import static dev.roster.worker.vendor.VendorBinder.vendorBinder;

import com.google.inject.AbstractModule;
import dev.roster.activities.brevo.BrevoClient;
import dev.roster.activities.brevo.BrevoConnector;
import dev.roster.activities.http.VendorHttp;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.config.CredentialShape;
import dev.roster.worker.config.VendorType;
import java.time.Duration;
import java.util.Optional;

/** Brevo: team members by invitation, contacts, lists and bulk import. */
public final class BrevoModule extends AbstractModule {
  /**
   * developers.brevo.com/docs/api-limits: /v3/contacts/* 10 RPS (20 on higher plans); every other
   * endpoint, /organization/* included, 100 per hour (200 on Enterprise).
   */
  public static final VendorType TYPE =
      VendorType.builder("brevo", "Brevo")
          .defaultBaseUrl("https://api.brevo.com/v3")
          .family(BrevoConnector.TEAM_FAMILY, 100, Duration.ofHours(1))
          .family(BrevoConnector.CONTACTS_FAMILY, 10, Duration.ofSeconds(1))
          .capabilities(BrevoConnector.CAPABILITIES)
          .credentials(CredentialShape.single("an API key"))
          .build();

  @Override
  protected void configure() {
    vendorBinder(binder()).bind(TYPE, BrevoModule::connect);
  }

  static VendorConnectors connect(VendorAccount account) {
    BrevoClient client =
        new BrevoClient(
            account.url(),
            account.credential(),
            account.budget(BrevoConnector.TEAM_FAMILY),
            account.budget(BrevoConnector.CONTACTS_FAMILY),
            VendorHttp.newClient("brevo", BrevoClient.REQUEST_ID_HEADERS));
    BrevoConnector c = new BrevoConnector(client);
    return new VendorConnectors(
        Optional.of(c.team()),
        Optional.of(c.contacts()),
        Optional.of(c.bulkImports()),
        BrevoConnector.CAPABILITIES,
        BrevoConnector.TEAM_FAMILY,
        BrevoConnector.CONTACTS_FAMILY);
  }
}
