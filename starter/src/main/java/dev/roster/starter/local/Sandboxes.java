package dev.roster.starter.local;

import com.google.inject.Inject;
import dev.roster.activities.http.Secret;
import dev.roster.activities.servicenow.ServiceNowAuth;
import dev.roster.sandbox.servicenow.FakeServiceNow;
import dev.roster.starter.local.sandbox.SandboxFactory;
import dev.roster.worker.ServiceNowSetup;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.config.AccountConfig;
import dev.roster.worker.config.ServiceNowConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox fakes of {@code dev} and {@code demo}: one per account that has no credentials or
 * says {@code sandbox: true}, each started by its vendor's sandbox module. Never used by the
 * deployed roles.
 */
public final class Sandboxes implements AutoCloseable {
  private final Map<String, SandboxFactory> factories;
  private final Map<String, AutoCloseable> fakes = new LinkedHashMap<>();
  private final List<AutoCloseable> all = new ArrayList<>();
  private FakeServiceNow servicenow;

  /**
   * @param factories each vendor type's sandbox, by YAML name
   */
  @Inject
  public Sandboxes(Map<String, SandboxFactory> factories) {
    this.factories = Map.copyOf(factories);
  }

  /** Starts a fake for {@code account} and returns the account pointed at it. */
  VendorAccount start(AccountConfig account, Duration acceptAfter) {
    String type = account.type().yamlName();
    SandboxFactory factory = factories.get(type);
    if (factory == null) {
      throw new IllegalStateException("no sandbox module binds a fake for " + type);
    }
    SandboxFactory.Started started = factory.start(account, acceptAfter);
    fakes.put(account.id(), started.fake());
    all.add(started.fake());
    return new VendorAccount(account, started.baseUrl(), started.credential(), true);
  }

  /**
   * The fake of type {@code type} standing in for {@code account}, or null when the account is not
   * on a sandbox or its fake is of another type.
   */
  public <T> T fake(String account, Class<T> type) {
    AutoCloseable fake = fakes.get(account);
    return type.isInstance(fake) ? type.cast(fake) : null;
  }

  /** Starts the ServiceNow fake (dev/demo) and returns the setup pointing at it. */
  ServiceNowSetup startServiceNow(ServiceNowConfig config) {
    FakeServiceNow fake = FakeServiceNow.start();
    servicenow = fake;
    all.add(fake);
    return new ServiceNowSetup(
        URI.create(fake.baseUrl()),
        new ServiceNowAuth.Basic(fake.options().user(), new Secret(fake.options().password())),
        config.rateBudget(),
        config.manualTasksAsTickets(),
        config.pollInterval());
  }

  /** The ServiceNow fake, or null when ServiceNow is not on a sandbox. */
  public FakeServiceNow servicenow() {
    return servicenow;
  }

  @Override
  public void close() {
    for (AutoCloseable c : all) {
      try {
        c.close();
      } catch (Exception e) {
        // Shutting down: nothing useful to do with a close failure.
      }
    }
  }
}
