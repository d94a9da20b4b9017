package dev.roster.starter.local.sandbox;

import static dev.roster.starter.local.sandbox.SandboxBinder.sandboxBinder;

import com.google.inject.AbstractModule;
import dev.roster.activities.http.Secret;
import dev.roster.activities.mailjet.MailjetConnector;
import dev.roster.sandbox.mailjet.FakeMailjet;
import dev.roster.worker.config.AccountConfig;
import dev.roster.worker.config.RateBudgetConfig;
import dev.roster.worker.vendor.MailjetModule;
import java.net.URI;
import java.time.Duration;

/** Mailjet's sandbox: a {@link FakeMailjet} with the account's budget (it has no team side). */
public final class MailjetSandboxModule extends AbstractModule {

  @Override
  protected void configure() {
    sandboxBinder(binder()).bind(MailjetModule.TYPE, MailjetSandboxModule::start);
  }

  static SandboxFactory.Started start(AccountConfig account, Duration acceptAfter) {
    RateBudgetConfig api = account.rateBudgets().get(MailjetConnector.CONTACTS_FAMILY);
    FakeMailjet fake =
        FakeMailjet.start(
            FakeMailjet.Options.builder().rateLimit(api.requests(), api.per()).build());
    return new SandboxFactory.Started(
        fake, URI.create(fake.baseUrl()), new Secret(fake.apiKey() + ":" + fake.secretKey()));
  }
}
