package dev.roster.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import dev.roster.activities.bulkimport.AttachmentOpener;
import dev.roster.activities.control.SubjectHasher;
import dev.roster.activities.control.TicketSettings;
import dev.roster.activities.http.Secret;
import dev.roster.activities.servicenow.ServiceNowAuth;
import dev.roster.worker.config.ConfigException;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RateBudgetConfig;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.config.WorkerConfig;
import dev.roster.worker.testbed.TestWiring;
import dev.roster.workflows.conventions.TaskQueues;
import io.temporal.worker.WorkerOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the worker's modules put together, with and without ServiceNow; no vendor is called. */
class WorkerWiringTest {
  private static final SubjectHasher SUBJECTS =
      new SubjectHasher("worker-wiring-test-subject-key-32".getBytes(StandardCharsets.UTF_8));
  private static final RosterConfig CONFIG =
      ConfigLoader.parse(
          "accounts:\n  brevo-main: {type: brevo}\n  mailjet-main: {type: mailjet}\n",
          "wiring",
          Map.of());

  private final TestWiring wiring = new TestWiring(true);

  @AfterEach
  void close() {
    wiring.env.close();
  }

  @Test
  void withoutServiceNowTheWorkerPollsRosterAndEachAccountFamily() {
    Injector injector = injector(accounts("k:s"), Optional.empty());

    assertThat(injector.getInstance(RosterWorker.class).taskQueues())
        .containsExactly(
            TaskQueues.ROSTER,
            "roster-brevo-main-organization",
            "roster-brevo-main-contacts",
            "roster-mailjet-main-api");
    assertThat(injector.getInstance(TicketSettings.class)).isEqualTo(TicketSettings.DISABLED);
    assertThat(injector.getInstance(AttachmentOpener.class))
        .isNotInstanceOf(dev.roster.activities.servicenow.ServiceNowAttachmentOpener.class);
  }

  @Test
  void aBudgetedQueueIsLimitedServerWideButNotSpacedOutInTheWorker() {
    // Brevo's organization family: 100 per hour. A per-worker rate would space activities 36 s
    // apart; the HTTP layer's sliding window already lets only what the vendor's window allows.
    WorkerOptions budgeted = RosterWorker.options(WorkerConfig.DEFAULTS, 100 / 3600.0);

    assertThat(budgeted.getMaxTaskQueueActivitiesPerSecond()).isEqualTo(100 / 3600.0);
    assertThat(budgeted.getMaxWorkerActivitiesPerSecond()).isZero();
    assertThat(
            RosterWorker.options(WorkerConfig.DEFAULTS, null).getMaxTaskQueueActivitiesPerSecond())
        .isZero();
  }

  @Test
  void serviceNowAddsItsQueueTicketsAndAttachments() {
    ServiceNowSetup servicenow =
        new ServiceNowSetup(
            URI.create("https://acme.service-now.com"),
            new ServiceNowAuth.Basic("roster", new Secret("pw")),
            new RateBudgetConfig(5, Duration.ofSeconds(1)),
            true,
            Duration.ofMinutes(5));
    Injector injector = injector(accounts("k:s"), Optional.of(servicenow));

    assertThat(injector.getInstance(RosterWorker.class).taskQueues())
        .contains(TaskQueues.SERVICENOW);
    assertThat(injector.getInstance(TicketSettings.class)).isEqualTo(servicenow.tickets());
    assertThat(injector.getInstance(AttachmentOpener.class))
        .isInstanceOf(dev.roster.activities.servicenow.ServiceNowAttachmentOpener.class);
  }

  @Test
  void aMalformedCredentialFailsNamingTheAccountNotGuice() {
    Injector injector = injector(accounts("no-colon"), Optional.empty());

    assertThatThrownBy(() -> Assembly.instance(injector, RosterWorker.class))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("accounts.mailjet-main.credentials")
        .hasMessageNotContaining("no-colon");
  }

  private Injector injector(List<VendorAccount> accounts, Optional<ServiceNowSetup> servicenow) {
    return wiring.injector(
        wiring.env.getWorkerFactory(),
        new TestWiring.Worker(CONFIG, accounts, SUBJECTS, ImportSetup.disabled(), servicenow));
  }

  private static List<VendorAccount> accounts(String mailjetCredential) {
    return List.of(
        new VendorAccount(
            CONFIG.accounts().get("brevo-main"),
            URI.create("http://127.0.0.1:9"),
            new Secret("brevo-key"),
            true),
        new VendorAccount(
            CONFIG.accounts().get("mailjet-main"),
            URI.create("http://127.0.0.1:9"),
            new Secret(mailjetCredential),
            true));
  }
}
