package dev.roster.worker.onboard;

import com.google.protobuf.Timestamp;
import dev.roster.activities.control.SubjectHasher;
import dev.roster.activities.http.Secret;
import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.testbed.TestWiring;
import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.request.Person;
import dev.roster.workflows.watcher.WatcherState;
import io.temporal.api.history.v1.History;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One fresh world per test: a time-skipping TestWorkflowEnvironment, a FakeBrevo on the
 * environment's clock, and the production worker wiring ({@link TestWiring}) for one account,
 * {@value #ACCOUNT}.
 */
final class OnboardTestbed implements AutoCloseable {
  static final String ACCOUNT = "brevo-test";
  static final String TEAM_LISTING = "/v3/organization/invited/users";
  static final String SEND_INVITATION = "/v3/organization/user/invitation/send";

  private static final byte[] SUBJECT_KEY =
      "onboard-testbed-subject-key-32by".getBytes(StandardCharsets.UTF_8);

  final TestWorkflowEnvironment env;
  final FakeBrevo fake;
  final WorkflowClient client;

  private OnboardTestbed(Builder b) {
    TestWiring wiring = new TestWiring(true);
    env = wiring.env;
    try {
      fake =
          FakeBrevo.start(
              FakeBrevo.Options.builder()
                  .clock(() -> Instant.ofEpochMilli(env.currentTimeMillis()))
                  .acceptAfter(b.acceptAfter)
                  // Generous: the worker-side limits run on real time, the fake's on env time.
                  .organizationLimit(1000, Duration.ofSeconds(1))
                  .contactsLimit(1000, Duration.ofSeconds(1))
                  .build());
      RosterConfig config = ConfigLoader.parse(yaml(b), "onboard-testbed", Map.of());
      Secret key = new Secret(b.wrongApiKey ? "not-" + fake.apiKey() : fake.apiKey());
      VendorAccount account =
          new VendorAccount(config.accounts().get(ACCOUNT), URI.create(fake.baseUrl()), key, true);
      wiring.register(
          new TestWiring.Worker(config, List.of(account), new SubjectHasher(SUBJECT_KEY)));
      env.start();
      client = env.getWorkflowClient();
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
  }

  private String yaml(Builder b) {
    return String.join(
        "\n",
        "accounts:",
        "  " + ACCOUNT + ":",
        "    type: brevo",
        "    baseUrl: " + fake.baseUrl(),
        "    rateBudgets:",
        "      organization: {requests: 1000, per: 1s}",
        "      contacts: {requests: 1000, per: 1s}",
        "    invitations:",
        "      pollInterval: " + b.pollInterval,
        "      resendAfter: " + b.resendAfter,
        "      expireAfter: " + b.expireAfter,
        "approvals:",
        "  privilegedRoles: [admin]",
        "  timeout: 2d",
        "  remindEvery: 1d",
        "");
  }

  static Builder builder() {
    return new Builder();
  }

  /** A request for one person on {@value #ACCOUNT}. */
  static OnboardRequest request(String email, String role, String requestedBy, String... lists) {
    return new OnboardRequest(
        new Person(email, "Ada", "Lovelace"),
        List.of(new Assignment(ACCOUNT, role, List.of(lists), null)),
        "RITM0000001",
        requestedBy);
  }

  /** Starts OnboardUser and returns its typed stub (for signals and queries). */
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

  /** Waits for the result; time skips while waiting. */
  static OnboardResult result(OnboardUserWorkflow stub) {
    return WorkflowStub.fromTyped(stub).getResult(OnboardResult.class);
  }

  /** Runs an onboarding to its end. */
  OnboardResult run(String workflowId, OnboardRequest request) {
    return result(start(workflowId, request));
  }

  /** Env time of the workflow's first event (its start). */
  Instant startedAt(String workflowId) {
    History history = client.fetchHistory(workflowId).getHistory();
    return toInstant(history.getEvents(0).getEventTime());
  }

  /** Env time of the workflow's last event (its close, once it is closed). */
  Instant lastEventAt(String workflowId) {
    History history = client.fetchHistory(workflowId).getHistory();
    return toInstant(history.getEvents(history.getEventsCount() - 1).getEventTime());
  }

  /** Env time between the workflow's start and its last event. */
  Duration elapsed(String workflowId) {
    return Duration.between(startedAt(workflowId), lastEventAt(workflowId));
  }

  static String watcherId() {
    return WatcherState.workflowId(ACCOUNT);
  }

  private static Instant toInstant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  @Override
  public void close() {
    try {
      env.close();
    } finally {
      fake.close();
    }
  }

  /** What differs between tests; the defaults are the standard account. */
  static final class Builder {
    private Duration acceptAfter = Duration.ofDays(2);
    private String pollInterval = "1h";
    private String resendAfter = "3d";
    private String expireAfter = "7d";
    private boolean wrongApiKey;

    /** When the fake's invitees accept by themselves; null: never. */
    Builder acceptAfter(Duration acceptAfter) {
      this.acceptAfter = acceptAfter;
      return this;
    }

    /** Configures the account with a key the fake refuses (401). */
    Builder wrongApiKey() {
      this.wrongApiKey = true;
      return this;
    }

    OnboardTestbed start() {
      return new OnboardTestbed(this);
    }
  }
}
