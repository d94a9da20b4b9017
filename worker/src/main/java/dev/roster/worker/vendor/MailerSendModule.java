package dev.roster.worker.vendor;

import static dev.roster.worker.vendor.VendorBinder.vendorBinder;

import com.google.inject.AbstractModule;
import dev.roster.activities.mailersend.MailerSendConnector;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.config.CredentialShape;
import dev.roster.worker.config.VendorType;
import java.time.Duration;
import java.util.Optional;

/**
 * MailerSend: team members by invitation; it keeps recipients, not contacts, so its contact side
 * only suppresses and erases, and it has no bulk import.
 */
public final class MailerSendModule extends AbstractModule {
  /** mailersend.com/help/rate-limits: 60 requests/min on every endpoint except /v1/email. */
  public static final VendorType TYPE =
      VendorType.builder("mailersend", "MailerSend")
          .defaultBaseUrl("https://api.mailersend.com/v1")
          .family(MailerSendConnector.TEAM_FAMILY, 60, Duration.ofMinutes(1))
          .capabilities(MailerSendConnector.CAPABILITIES)
          .credentials(CredentialShape.single("an API token"))
          .build();

  @Override
  protected void configure() {
    vendorBinder(binder()).bind(TYPE, MailerSendModule::connect);
  }

  static VendorConnectors connect(VendorAccount account) {
    MailerSendConnector c =
        MailerSendConnector.create(
            account.baseUrl().toString(),
            account.credential(),
            account.budget(MailerSendConnector.TEAM_FAMILY));
    return new VendorConnectors(
        Optional.of(c.team()),
        Optional.of(c.contacts()),
        Optional.empty(),
        MailerSendConnector.CAPABILITIES,
        MailerSendConnector.TEAM_FAMILY,
        MailerSendConnector.TEAM_FAMILY);
  }
}
