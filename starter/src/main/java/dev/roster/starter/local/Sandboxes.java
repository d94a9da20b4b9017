package dev.roster.starter.local;

import dev.roster.activities.http.Secret;
import dev.roster.activities.servicenow.ServiceNowAuth;
import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.sandbox.listmonk.FakeListmonk;
import dev.roster.sandbox.mailersend.FakeMailerSend;
import dev.roster.sandbox.mailjet.FakeMailjet;
import dev.roster.sandbox.servicenow.FakeServiceNow;
import dev.roster.worker.ServiceNowSetup;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.config.AccountConfig;
import dev.roster.worker.config.RateBudgetConfig;
import dev.roster.worker.config.ServiceNowConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox fakes of {@code dev} and {@code demo}: one per account that has no credentials or
 * says {@code sandbox: true}. Never used by the deployed roles.
 */
public final class Sandboxes implements AutoCloseable {
  private final Map<String, FakeBrevo> brevo = new LinkedHashMap<>();
  private final Map<String, FakeMailjet> mailjet = new LinkedHashMap<>();
  private final Map<String, FakeListmonk> listmonk = new LinkedHashMap<>();
  private final Map<String, FakeMailerSend> mailerSend = new LinkedHashMap<>();
  private final List<AutoCloseable> all = new ArrayList<>();
  private FakeServiceNow servicenow;

  /** Starts a fake for {@code account} and returns the account pointed at it. */
  VendorAccount start(AccountConfig account, Duration acceptAfter) {
    switch (account.type()) {
      case BREVO -> {
        RateBudgetConfig org = account.rateBudgets().get("organization");
        RateBudgetConfig contacts = account.rateBudgets().get("contacts");
        FakeBrevo fake =
            FakeBrevo.start(
                FakeBrevo.Options.builder()
                    .acceptAfter(acceptAfter)
                    .organizationLimit(org.requests(), org.per())
                    .contactsLimit(contacts.requests(), contacts.per())
                    .build());
        brevo.put(account.id(), fake);
        all.add(fake);
        return new VendorAccount(
            account, URI.create(fake.baseUrl()), new Secret(fake.apiKey()), true);
      }
      case MAILJET -> {
        RateBudgetConfig api = account.rateBudgets().get("api");
        FakeMailjet fake =
            FakeMailjet.start(
                FakeMailjet.Options.builder().rateLimit(api.requests(), api.per()).build());
        mailjet.put(account.id(), fake);
        all.add(fake);
        return new VendorAccount(
            account,
            URI.create(fake.baseUrl()),
            new Secret(fake.apiKey() + ":" + fake.secretKey()),
            true);
      }
      case MAILERSEND -> {
        RateBudgetConfig api = account.rateBudgets().get("api");
        FakeMailerSend fake =
            FakeMailerSend.start(
                FakeMailerSend.Options.builder()
                    .acceptAfter(acceptAfter)
                    .rateLimit(api.requests(), api.per())
                    .build());
        mailerSend.put(account.id(), fake);
        all.add(fake);
        return new VendorAccount(
            account, URI.create(fake.baseUrl()), new Secret(fake.token()), true);
      }
      case LISTMONK -> {
        FakeListmonk fake = FakeListmonk.start();
        listmonk.put(account.id(), fake);
        all.add(fake);
        return new VendorAccount(
            account,
            URI.create(fake.baseUrl()),
            new Secret(fake.apiUser() + ":" + fake.token()),
            true);
      }
      default -> throw new IllegalStateException("no sandbox for " + account.type());
    }
  }

  /** The Brevo fake standing in for {@code account}, or null. */
  public FakeBrevo brevo(String account) {
    return brevo.get(account);
  }

  /** The Mailjet fake standing in for {@code account}, or null. */
  public FakeMailjet mailjet(String account) {
    return mailjet.get(account);
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
        config.pollInterval(),
        null);
  }

  /** The ServiceNow fake, or null when ServiceNow is not on a sandbox. */
  public FakeServiceNow servicenow() {
    return servicenow;
  }

  /** The MailerSend fake standing in for {@code account}, or null. */
  public FakeMailerSend mailerSend(String account) {
    return mailerSend.get(account);
  }

  /** The listmonk fake standing in for {@code account}, or null. */
  public FakeListmonk listmonk(String account) {
    return listmonk.get(account);
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
