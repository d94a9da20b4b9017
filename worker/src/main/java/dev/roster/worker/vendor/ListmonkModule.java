package dev.roster.worker.vendor;

import static dev.roster.worker.vendor.VendorBinder.vendorBinder;

import com.google.inject.AbstractModule;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.VendorHttp;
import dev.roster.activities.listmonk.ListmonkClient;
import dev.roster.activities.listmonk.ListmonkConnector;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.config.CredentialShape;
import dev.roster.worker.config.VendorType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** listmonk (self-hosted): users active at once, subscribers, lists and bulk import. */
public final class ListmonkModule extends AbstractModule {
  /**
   * Self-hosted, so there is no default base URL. listmonk implements no rate limit at all; this
   * budget protects the instance (and its PostgreSQL) from Roster. Credentials are {@code
   * api_user:token} (vendors.md §3).
   */
  public static final VendorType TYPE =
      VendorType.builder("listmonk", "listmonk")
          .selfHosted()
          .family(ListmonkConnector.FAMILY, 20, Duration.ofSeconds(1))
          .capabilities(ListmonkConnector.CAPABILITIES)
          .credentials(CredentialShape.pair("API_USER:TOKEN"))
          .build();

  @Override
  protected void configure() {
    vendorBinder(binder()).bind(TYPE, ListmonkModule::connect);
  }

  static VendorConnectors connect(VendorAccount account) {
    List<Secret> pair = account.credentialParts();
    ListmonkClient client =
        new ListmonkClient(
            account.url(),
            pair.get(0).reveal(),
            pair.get(1),
            account.budget(ListmonkConnector.FAMILY),
            VendorHttp.newClient("listmonk", ListmonkClient.REQUEST_ID_HEADERS));
    ListmonkConnector c = new ListmonkConnector(client);
    return new VendorConnectors(
        Optional.of(c.team()),
        Optional.of(c.contacts()),
        Optional.of(c.bulkImports()),
        ListmonkConnector.CAPABILITIES,
        ListmonkConnector.FAMILY,
        ListmonkConnector.FAMILY);
  }
}
