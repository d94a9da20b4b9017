package dev.roster.starter.local.sandbox;

import static dev.roster.starter.local.sandbox.SandboxBinder.sandboxBinder;

import com.google.inject.AbstractModule;
import dev.roster.activities.brevo.BrevoConnector;
import dev.roster.activities.http.Secret;
import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.worker.config.AccountConfig;
import dev.roster.worker.config.RateBudgetConfig;
import dev.roster.worker.vendor.BrevoModule;
import java.net.URI;
import java.time.Duration;

/** Brevo's sandbox: a {@link FakeBrevo} limited like the account's two endpoint families. */
public final class BrevoSandboxModule extends AbstractModule {

  @Override
  protected void configure() {
    sandboxBinder(binder()).bind(BrevoModule.TYPE, BrevoSandboxModule::start);
  }

  static SandboxFactory.Started start(AccountConfig account, Duration acceptAfter) {
    RateBudgetConfig org = account.rateBudgets().get(BrevoConnector.TEAM_FAMILY);
    RateBudgetConfig contacts = account.rateBudgets().get(BrevoConnector.CONTACTS_FAMILY);
    FakeBrevo fake =
        FakeBrevo.start(
            FakeBrevo.Options.builder()
                .acceptAfter(acceptAfter)
                .organizationLimit(org.requests(), org.per())
                .contactsLimit(contacts.requests(), contacts.per())
                .build());
    return new SandboxFactory.Started(fake, URI.create(fake.baseUrl()), new Secret(fake.apiKey()));
  }
}
