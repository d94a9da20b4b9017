package dev.roster.worker.testbed;

import dev.roster.activities.bulkimport.ImportStore;
import dev.roster.activities.control.SubjectHasher;
import dev.roster.activities.http.Secret;
import dev.roster.activities.servicenow.ServiceNowAuth;
import dev.roster.sandbox.FaultProxy;
import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.sandbox.listmonk.FakeListmonk;
import dev.roster.sandbox.mailersend.FakeMailerSend;
import dev.roster.sandbox.mailjet.FakeMailjet;
import dev.roster.sandbox.servicenow.FakeServiceNow;
import dev.roster.worker.ImportSetup;
import dev.roster.worker.ServiceNowSetup;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RateBudgetConfig;
import dev.roster.worker.config.RosterConfig;
import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.offboard.AccountPlan;
import dev.roster.workflows.offboard.OffboardRequest;
import dev.roster.workflows.offboard.OffboardResult;
import dev.roster.workflows.offboard.OffboardStatus;
import dev.roster.workflows.offboard.OffboardUserWorkflow;
import dev.roster.workflows.onboard.AccountReport;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardResult;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.request.Person;
import dev.roster.workflows.steps.Step;
import dev.roster.workflows.tasks.TaskCompletion;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A time-skipping environment with one account of every vendor, each on its own sandbox fake
 * running on the environment's clock, wired by the production modules ({@link TestWiring}). Shared
 * by the vendors and offboard tests: besides the fakes it has onboarding helpers (with the {@code
 * onboard-<subject>} id that offboarding cancels), offboarding helpers, and the list ids each fake
 * seeds.
 */
public final class FourVendorsTestbed implements AutoCloseable {
  public static final String BREVO = "brevo-test";
  public static final String MAILJET = "mailjet-test";
  public static final String MAILERSEND = "mailersend-test";
  public static final String LISTMONK = "listmonk-test";
  public static final List<String> ALL = List.of(BREVO, MAILJET, MAILERSEND, LISTMONK);

  /** A list each fake seeds (MailerSend has none). */
  public static final long BREVO_LIST = 2;

  public static final long MAILJET_LIST = 10;
  public static final long LISTMONK_LIST = 3;

  public static final String REQUESTER = "carol";
  public static final String APPROVER = "bob";

  private static final byte[] SUBJECT_KEY =
      "four-vendors-subject-key-32bytes".getBytes(StandardCharsets.UTF_8);

  public final TestWorkflowEnvironment env;
  public final FakeBrevo brevo;
  public final FakeMailjet mailjet;
  public final FakeMailerSend mailerSend;
  public final FakeListmonk listmonk;
  public final WorkflowClient client;

  /** The ServiceNow sandbox tickets are written to, or null without ServiceNow. */
  public final FakeServiceNow servicenow;

  /** Faults proxies in front of the fakes by account, when the options ask for them; else empty. */
  public final Map<String, FaultProxy> proxies = new LinkedHashMap<>();

  /**
   * @param brevoAcceptAfter when Brevo invitees accept by themselves (null: never)
   * @param mailerSendAcceptAfter the same for MailerSend
   */
  public FourVendorsTestbed(Duration brevoAcceptAfter, Duration mailerSendAcceptAfter) {
    this(
        FourVendorsOptions.builder()
            .brevoAcceptAfter(brevoAcceptAfter)
            .mailerSendAcceptAfter(mailerSendAcceptAfter)
            .build());
  }

  public FourVendorsTestbed(FourVendorsOptions options) {
    TestWiring wiring = new TestWiring(options.timeSkipping());
    env = wiring.env;
    // On the real clock the fakes read it directly: asking the test server for the time is a
    // round trip, and a stamp late by a varying few milliseconds bunches arrivals in the fakes'
    // rate windows.
    Supplier<Instant> clock =
        options.timeSkipping() ? () -> Instant.ofEpochMilli(env.currentTimeMillis()) : Instant::now;
    int limit = options.fakeLimit();
    Duration window = options.fakeWindow();
    brevo =
        FakeBrevo.start(
            FakeBrevo.Options.builder()
                .clock(clock)
                .acceptAfter(options.brevoAcceptAfter())
                .organizationLimit(limit, window)
                .contactsLimit(limit, window)
                .build());
    mailjet =
        FakeMailjet.start(
            FakeMailjet.Options.builder().clock(clock).rateLimit(limit, window).build());
    mailerSend =
        FakeMailerSend.start(
            FakeMailerSend.Options.builder()
                .clock(clock)
                .acceptAfter(options.mailerSendAcceptAfter())
                .rateLimit(limit, window)
                .build());
    listmonk = FakeListmonk.start(FakeListmonk.Options.builder().clock(clock).build());
    RosterConfig config =
        ConfigLoader.parse(
            options.configYaml(BREVO, MAILJET, MAILERSEND, LISTMONK, listmonk.baseUrl()),
            "four-vendors",
            Map.of());
    List<VendorAccount> accounts =
        List.of(
            account(config, options, BREVO, brevo.baseUrl(), brevo.apiKey()),
            account(
                config,
                options,
                MAILJET,
                mailjet.baseUrl(),
                mailjet.apiKey() + ":" + mailjet.secretKey()),
            account(config, options, MAILERSEND, mailerSend.baseUrl(), mailerSend.token()),
            account(
                config,
                options,
                LISTMONK,
                listmonk.baseUrl(),
                listmonk.apiUser() + ":" + listmonk.token()));
    servicenow =
        options.serviceNowTaskPoll() == null
            ? null
            : FakeServiceNow.start(FakeServiceNow.Options.builder().clock(clock).build());
    wiring.register(
        new TestWiring.Worker(
            config,
            accounts,
            new SubjectHasher(SUBJECT_KEY),
            options.importDir() == null
                ? ImportSetup.disabled()
                : new ImportSetup(
                    new ImportStore(freshStore(options.importDir())), List.of(options.importDir())),
            Optional.ofNullable(servicenow)
                .map(fake -> servicenowSetup(fake, options.serviceNowTaskPoll()))));
    env.start();
    client = env.getWorkflowClient();
  }

  /**
   * As {@link #FourVendorsTestbed(Duration, Duration)} for Brevo, with notices written back to
   * tickets on a ServiceNow sandbox (on the same clock) and manual tasks mirrored there as
   * sc_tasks, checked every {@code taskPollInterval}.
   */
  public static FourVendorsTestbed withServiceNow(
      Duration brevoAcceptAfter, Duration taskPollInterval) {
    return new FourVendorsTestbed(
        FourVendorsOptions.builder()
            .brevoAcceptAfter(brevoAcceptAfter)
            .serviceNow(taskPollInterval)
            .build());
  }

  /** A store of this testbed's own: two testbeds on one directory never share import files. */
  private static Path freshStore(Path importDir) {
    try {
      return Files.createTempDirectory(importDir, "store-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ServiceNowSetup servicenowSetup(FakeServiceNow fake, Duration taskPollInterval) {
    return new ServiceNowSetup(
        URI.create(fake.baseUrl()),
        new ServiceNowAuth.Basic(fake.options().user(), new Secret(fake.options().password())),
        new RateBudgetConfig(1000, Duration.ofSeconds(1)),
        true,
        taskPollInterval);
  }

  /** The account on its fake, or on a fault proxy in front of it when the options ask for one. */
  private VendorAccount account(
      RosterConfig config,
      FourVendorsOptions options,
      String id,
      String baseUrl,
      String credential) {
    String url = baseUrl;
    if (options.proxy() != null) {
      FaultProxy proxy = FaultProxy.start(baseUrl, options.proxy());
      proxies.put(id, proxy);
      url = proxy.through(baseUrl);
    }
    return account(config, id, url, credential);
  }

  private static VendorAccount account(
      RosterConfig config, String id, String baseUrl, String credential) {
    return new VendorAccount(
        config.accounts().get(id), URI.create(baseUrl), new Secret(credential), true);
  }

  /** The subject hash the worker computes for this email (same key). */
  public static String subject(String email) {
    return new SubjectHasher(SUBJECT_KEY).subjectOf(email);
  }

  /** The id offboarding looks for when it cancels a running onboarding. */
  public static String onboardingId(String email) {
    return "onboard-" + subject(email);
  }

  public static Person person(String email) {
    return new Person(email, "Ada", "Lovelace");
  }

  /** Starts OnboardUser with this id and request, and returns its typed stub. */
  public OnboardUserWorkflow start(String workflowId, OnboardRequest request) {
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

  /**
   * Onboards {@code email} as a viewer on the accounts, on each account's seeded list, under the id
   * offboarding cancels ({@link #onboardingId(String)}).
   */
  public OnboardUserWorkflow startOnboarding(String email, String... accounts) {
    List<Assignment> assignments =
        List.of(accounts).stream().map(a -> new Assignment(a, "viewer", listsOf(a), null)).toList();
    return start(
        onboardingId(email),
        new OnboardRequest(person(email), assignments, "RITM0000100", REQUESTER));
  }

  /**
   * Onboards and waits for the end; Mailjet's manual invite is confirmed after an hour, the
   * invitations are accepted whenever the fakes' {@code acceptAfter} says.
   */
  public OnboardResult onboard(String email, String... accounts) {
    OnboardUserWorkflow stub = startOnboarding(email, accounts);
    if (List.of(accounts).contains(MAILJET)) {
      env.sleep(Duration.ofHours(1));
      stub.completeManualTask(new TaskCompletion(MAILJET + "-invite", "dave", "invited in the UI"));
    }
    return WorkflowStub.fromTyped(stub).getResult(OnboardResult.class);
  }

  private static List<String> listsOf(String account) {
    return switch (account) {
      case BREVO -> List.of(Long.toString(BREVO_LIST));
      case MAILJET -> List.of(Long.toString(MAILJET_LIST));
      case LISTMONK -> List.of(Long.toString(LISTMONK_LIST));
      default -> List.of();
    };
  }

  public static OffboardRequest request(
      String email, boolean erase, boolean planOnly, String... accounts) {
    return new OffboardRequest(
        person(email), List.of(accounts), erase, "RITM0000200", REQUESTER, planOnly);
  }

  /** Starts OffboardUser and returns its typed stub (for signals and queries). */
  public OffboardUserWorkflow startOffboarding(String workflowId, OffboardRequest request) {
    OffboardUserWorkflow stub =
        client.newWorkflowStub(
            OffboardUserWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ROSTER)
                .setWorkflowId(workflowId)
                .build());
    WorkflowClient.start(stub::offboard, request);
    return stub;
  }

  /** Waits for the result; time skips while waiting. */
  public static OffboardResult result(OffboardUserWorkflow stub) {
    return WorkflowStub.fromTyped(stub).getResult(OffboardResult.class);
  }

  public static AccountReport report(OffboardStatus status, String account) {
    return status.accounts().stream()
        .filter(r -> r.account().equals(account))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no report for " + account));
  }

  public static AccountPlan plan(OffboardStatus status, String account) {
    return status.plans().stream()
        .filter(p -> p.account().equals(account))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no plan for " + account));
  }

  public static Step step(AccountReport report, String name) {
    return report.steps().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no step " + name));
  }

  @Override
  public void close() {
    try {
      env.close();
    } finally {
      proxies.values().forEach(FaultProxy::close);
      brevo.close();
      mailjet.close();
      mailerSend.close();
      listmonk.close();
      if (servicenow != null) {
        servicenow.close();
      }
    }
  }
}
