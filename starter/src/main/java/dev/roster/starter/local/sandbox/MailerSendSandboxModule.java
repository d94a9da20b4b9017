package dev.roster.starter.local.sandbox;

import static dev.roster.starter.local.sandbox.SandboxBinder.sandboxBinder;

import com.google.inject.AbstractModule;
import dev.roster.activities.http.Secret;
import dev.roster.activities.mailersend.MailerSendConnector;
import dev.roster.sandbox.mailersend.FakeMailerSend;
import dev.roster.worker.config.AccountConfig;
import dev.roster.worker.config.RateBudgetConfig;
import dev.roster.worker.vendor.MailerSendModule;
import java.net.URI;
import java.time.Duration;

/** MailerSend's sandbox: a {@link FakeMailerSend} with the account's budget. */
public final class MailerSendSandboxModule extends AbstractModule {

  @Override
  protected void configure() {
    sandboxBinder(binder()).bind(MailerSendModule.TYPE, MailerSendSandboxModule::start);
  }

  static SandboxFactory.Started start(AccountConfig account, Duration acceptAfter) {
    RateBudgetConfig api = account.rateBudgets().get(MailerSendConnector.TEAM_FAMILY);
    FakeMailerSend fake =
        FakeMailerSend.start(
            FakeMailerSend.Options.builder()
                .acceptAfter(acceptAfter)
                .rateLimit(api.requests(), api.per())
                .build());
    return new SandboxFactory.Started(fake, URI.create(fake.baseUrl()), new Secret(fake.token()));
  }
}
