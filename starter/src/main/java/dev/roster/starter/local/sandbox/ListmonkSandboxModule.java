package dev.roster.starter.local.sandbox;

import static dev.roster.starter.local.sandbox.SandboxBinder.sandboxBinder;

import com.google.inject.AbstractModule;
import dev.roster.activities.http.Secret;
import dev.roster.sandbox.listmonk.FakeListmonk;
import dev.roster.worker.config.AccountConfig;
import dev.roster.worker.vendor.ListmonkModule;
import java.net.URI;
import java.time.Duration;

/**
 * listmonk's sandbox: a {@link FakeListmonk} (listmonk has no rate limit of its own, and users are
 * active at once, so neither the budget nor the acceptance delay applies).
 */
public final class ListmonkSandboxModule extends AbstractModule {

  @Override
  protected void configure() {
    sandboxBinder(binder()).bind(ListmonkModule.TYPE, ListmonkSandboxModule::start);
  }

  static SandboxFactory.Started start(AccountConfig account, Duration acceptAfter) {
    FakeListmonk fake = FakeListmonk.start();
    return new SandboxFactory.Started(
        fake, URI.create(fake.baseUrl()), new Secret(fake.apiUser() + ":" + fake.token()));
  }
}
