package dev.roster.starter;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.activities.http.Secret;
import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.testbed.TestWiring;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A time-skipping Temporal with the production worker registration for one sandbox Brevo account,
 * {@value #BREVO}; the configuration also names a MailerSend account, {@value #MAILERSEND}, that
 * the starters check requests against (it has no worker: nothing may start on it here).
 */
public final class WorkerTestbed implements AutoCloseable {
  public static final String BREVO = "brevo-main";
  public static final String MAILERSEND = "mailersend-main";
  public static final SubjectHasher SUBJECTS =
      new SubjectHasher("starter-testbed-subject-key-32by".getBytes(StandardCharsets.UTF_8));

  public final TestWorkflowEnvironment env;
  public final FakeBrevo brevo;
  public final RosterConfig config;
  public final WorkflowClient client;

  public WorkerTestbed() {
    this("");
  }

  /** With {@code servicenowYaml} appended to the configuration (e.g. a servicenow section). */
  public WorkerTestbed(String servicenowYaml) {
    TestWiring wiring = new TestWiring(true);
    env = wiring.env;
    brevo =
        FakeBrevo.start(
            FakeBrevo.Options.builder()
                .clock(() -> Instant.ofEpochMilli(env.currentTimeMillis()))
                .acceptAfter(Duration.ofDays(2))
                .organizationLimit(1000, Duration.ofSeconds(1))
                .contactsLimit(1000, Duration.ofSeconds(1))
                .build());
    config =
        ConfigLoader.parse(
            String.join(
                "\n",
                "accounts:",
                "  " + BREVO + ":",
                "    type: brevo",
                "    rateBudgets: {organization: {requests: 1000, per: 1s}}",
                "  " + MAILERSEND + ":",
                "    type: mailersend",
                "approvals: {privilegedRoles: [admin], timeout: 7d, remindEvery: 1d}",
                servicenowYaml,
                ""),
            "starter-testbed",
            Map.of());
    VendorAccount account =
        new VendorAccount(
            config.accounts().get(BREVO),
            URI.create(brevo.baseUrl()),
            new Secret(brevo.apiKey()),
            true);
    wiring.register(new TestWiring.Worker(config, List.of(account), SUBJECTS));
    env.start();
    client = env.getWorkflowClient();
  }

  public OnboardStarter onboardStarter() {
    return new OnboardStarter(client, SUBJECTS, ConfiguredAccounts.of(config));
  }

  public OffboardStarter offboardStarter() {
    return new OffboardStarter(client, SUBJECTS, ConfiguredAccounts.of(config));
  }

  @Override
  public void close() {
    try {
      env.close();
    } finally {
      brevo.close();
    }
  }
}
