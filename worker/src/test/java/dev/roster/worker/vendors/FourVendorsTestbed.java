package dev.roster.worker.vendors;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.activities.http.Secret;
import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.sandbox.listmonk.FakeListmonk;
import dev.roster.sandbox.mailersend.FakeMailerSend;
import dev.roster.sandbox.mailjet.FakeMailjet;
import dev.roster.worker.RosterWorker;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.workflows.common.RosterSearchAttributes;
import dev.roster.workflows.common.TaskQueues;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A time-skipping environment with one account of every vendor, each on its own sandbox fake
 * running on the environment's clock, wired by the production registration.
 */
final class FourVendorsTestbed implements AutoCloseable {
  static final String BREVO = "brevo-test";
  static final String MAILJET = "mailjet-test";
  static final String MAILERSEND = "mailersend-test";
  static final String LISTMONK = "listmonk-test";

  final TestWorkflowEnvironment env;
  final FakeBrevo brevo;
  final FakeMailjet mailjet;
  final FakeMailerSend mailerSend;
  final FakeListmonk listmonk;
  final WorkflowClient client;

  /**
   * @param brevoAcceptAfter when Brevo invitees accept by themselves (null: never)
   * @param mailerSendAcceptAfter the same for MailerSend
   */
  FourVendorsTestbed(Duration brevoAcceptAfter, Duration mailerSendAcceptAfter) {
    env = TestWorkflowEnvironment.newInstance();
    RosterSearchAttributes.ALL.forEach(env::registerSearchAttribute);
    Supplier<Instant> clock = () -> Instant.ofEpochMilli(env.currentTimeMillis());
    brevo =
        FakeBrevo.start(
            FakeBrevo.Options.builder()
                .clock(clock)
                .acceptAfter(brevoAcceptAfter)
                .organizationLimit(1000, Duration.ofSeconds(1))
                .contactsLimit(1000, Duration.ofSeconds(1))
                .build());
    mailjet =
        FakeMailjet.start(
            FakeMailjet.Options.builder()
                .clock(clock)
                .rateLimit(1000, Duration.ofSeconds(1))
                .build());
    mailerSend =
        FakeMailerSend.start(
            FakeMailerSend.Options.builder()
                .clock(clock)
                .acceptAfter(mailerSendAcceptAfter)
                .rateLimit(1000, Duration.ofSeconds(1))
                .build());
    listmonk = FakeListmonk.start(FakeListmonk.Options.builder().clock(clock).build());
    String budget = "{requests: 1000, per: 1s}";
    RosterConfig config =
        ConfigLoader.parse(
            String.join(
                "\n",
                "accounts:",
                "  " + BREVO + ":",
                "    type: brevo",
                "    rateBudgets: {organization: " + budget + ", contacts: " + budget + "}",
                "    invitations: {pollInterval: 1h, resendAfter: 3d, expireAfter: 7d}",
                "  " + MAILJET + ":",
                "    type: mailjet",
                "    rateBudgets: {api: " + budget + "}",
                "  " + MAILERSEND + ":",
                "    type: mailersend",
                "    rateBudgets: {api: " + budget + "}",
                "    invitations: {pollInterval: 1h, resendAfter: 3d, expireAfter: 7d}",
                "  " + LISTMONK + ":",
                "    type: listmonk",
                "    baseUrl: " + listmonk.baseUrl(),
                "    rateBudgets: {api: " + budget + "}",
                "approvals: {privilegedRoles: [admin], timeout: 2d, remindEvery: 1d}",
                ""),
            "four-vendors",
            Map.of());
    List<VendorAccount> accounts =
        List.of(
            account(config, BREVO, brevo.baseUrl(), brevo.apiKey()),
            account(
                config, MAILJET, mailjet.baseUrl(), mailjet.apiKey() + ":" + mailjet.secretKey()),
            account(config, MAILERSEND, mailerSend.baseUrl(), mailerSend.token()),
            account(
                config, LISTMONK, listmonk.baseUrl(), listmonk.apiUser() + ":" + listmonk.token()));
    RosterWorker.register(
        env.getWorkerFactory(),
        accounts,
        config.approvals(),
        new SubjectHasher("four-vendors-subject-key-32bytes".getBytes(StandardCharsets.UTF_8)));
    env.start();
    client = env.getWorkflowClient();
  }

  private static VendorAccount account(
      RosterConfig config, String id, String baseUrl, String credential) {
    return new VendorAccount(
        config.accounts().get(id), URI.create(baseUrl), new Secret(credential), true);
  }

  OnboardUserWorkflow start(String workflowId, OnboardRequest request) {
    OnboardUserWorkflow stub =
        client.newWorkflowStub(
            OnboardUserWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ROSTER)
                .setWorkflowId(workflowId)
                .build());
    WorkflowClient.start(stub::onboard, request);
    return stub;
  }

  @Override
  public void close() {
    env.close();
    brevo.close();
    mailjet.close();
    mailerSend.close();
    listmonk.close();
  }
}
