package dev.roster.worker.bulkimport;

import com.google.inject.Module;
import dev.roster.activities.bulkimport.ImportStore;
import dev.roster.activities.control.SubjectHasher;
import dev.roster.activities.http.Secret;
import dev.roster.activities.spi.BulkImportConnector;
import dev.roster.sandbox.brevo.FakeBrevo;
import dev.roster.sandbox.listmonk.FakeListmonk;
import dev.roster.sandbox.mailersend.FakeMailerSend;
import dev.roster.sandbox.mailjet.FakeMailjet;
import dev.roster.worker.BulkImportDecorator;
import dev.roster.worker.ImportSetup;
import dev.roster.worker.VendorAccount;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.masking.MaskingWorkerInterceptor;
import dev.roster.worker.metrics.MetricsModule;
import dev.roster.worker.testbed.TestWiring;
import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportWorkflow;
import dev.roster.workflows.bulkimport.ImportTarget;
import dev.roster.workflows.conventions.TaskQueues;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A time-skipping environment with a Brevo, a Mailjet and a listmonk account on their sandbox fakes
 * (on the environment's clock), the production wiring ({@link TestWiring}) and, on the same
 * workers, BulkImport and its activities as the lead is asked to wire them.
 */
final class ImportTestbed implements AutoCloseable {
  static final String BREVO = "brevo-test";
  static final String MAILJET = "mailjet-test";
  static final String LISTMONK = "listmonk-test";
  static final String MAILERSEND = "mailersend-test";
  static final long BREVO_LIST = 2;
  static final long MAILJET_LIST = 10;

  final TestWorkflowEnvironment env;
  final FakeBrevo brevo;
  final FakeMailjet mailjet;
  final FakeListmonk listmonk;
  final FakeMailerSend mailerSend;
  final long listmonkList;
  final WorkflowClient client;
  private final TestWiring wiring;
  private final UnaryOperator<BulkImportConnector> brevoWrapper;
  private final List<VendorAccount> accounts;
  private final RosterConfig config;
  private final Path dir;
  private final boolean metered;

  /**
   * @param dir the test's directory: import files come from it, the import store is in it
   */
  ImportTestbed(Path dir) {
    this(dir, c -> c);
  }

  /**
   * @param brevoWrapper wraps the Brevo bulk connector (e.g. to fail once after the vendor
   *     accepted)
   */
  ImportTestbed(Path dir, UnaryOperator<BulkImportConnector> brevoWrapper) {
    this(dir, brevoWrapper, true, List.of());
  }

  /**
   * A time-skipping testbed whose environment reports to {@code MetricsModule}'s registry ({@link
   * #metrics()}), as a worker does.
   */
  static ImportTestbed metered(Path dir) {
    return new ImportTestbed(dir, c -> c, true, List.of(new MetricsModule()));
  }

  /**
   * A testbed on the real clock whose environment runs no worker: the test starts (and stops) its
   * own {@link WorkerFactory}s with {@link #startWorker}.
   */
  static ImportTestbed realClockWithoutWorker(
      Path dir, UnaryOperator<BulkImportConnector> brevoWrapper) {
    return new ImportTestbed(dir, brevoWrapper, false, List.of());
  }

  private ImportTestbed(
      Path dir,
      UnaryOperator<BulkImportConnector> brevoWrapper,
      boolean timeSkipping,
      List<Module> beside) {
    this.dir = dir;
    this.brevoWrapper = brevoWrapper;
    wiring = new TestWiring(timeSkipping, beside);
    metered = !beside.isEmpty();
    env = wiring.env;
    Supplier<Instant> clock = () -> Instant.ofEpochMilli(env.currentTimeMillis());
    brevo =
        FakeBrevo.start(
            FakeBrevo.Options.builder()
                .clock(clock)
                .organizationLimit(100_000, Duration.ofSeconds(1))
                .contactsLimit(100_000, Duration.ofSeconds(1))
                .build());
    mailjet =
        FakeMailjet.start(
            FakeMailjet.Options.builder()
                .clock(clock)
                .rateLimit(100_000, Duration.ofSeconds(1))
                .build());
    listmonk = FakeListmonk.start(FakeListmonk.Options.builder().clock(clock).build());
    mailerSend =
        FakeMailerSend.start(
            FakeMailerSend.Options.builder()
                .clock(clock)
                .rateLimit(100_000, Duration.ofSeconds(1))
                .build());
    listmonkList = listmonk.createList("Imported");
    String budget = "{requests: 100000, per: 1s}";
    config =
        ConfigLoader.parse(
            String.join(
                "\n",
                "accounts:",
                "  " + BREVO + ":",
                "    type: brevo",
                "    rateBudgets: {organization: " + budget + ", contacts: " + budget + "}",
                "  " + MAILJET + ":",
                "    type: mailjet",
                "    rateBudgets: {api: " + budget + "}",
                "  " + LISTMONK + ":",
                "    type: listmonk",
                "    baseUrl: " + listmonk.baseUrl(),
                "    rateBudgets: {api: " + budget + "}",
                "  " + MAILERSEND + ":",
                "    type: mailersend",
                "    rateBudgets: {api: " + budget + "}",
                "approvals: {privilegedRoles: [admin], timeout: 2d, remindEvery: 1d}",
                ""),
            "import-testbed",
            Map.of());
    accounts =
        List.of(
            account(BREVO, brevo.baseUrl(), brevo.apiKey()),
            account(MAILJET, mailjet.baseUrl(), mailjet.apiKey() + ":" + mailjet.secretKey()),
            account(LISTMONK, listmonk.baseUrl(), listmonk.apiUser() + ":" + listmonk.token()),
            account(MAILERSEND, mailerSend.baseUrl(), mailerSend.token()));
    if (timeSkipping) {
      register(env.getWorkerFactory(), imports(dir.resolve("store")), brevoWrapper);
    }
    env.start();
    client = env.getWorkflowClient();
  }

  /** Brevo, Mailjet and listmonk, each with its test list. */
  List<ImportTarget> threeAccounts() {
    return List.of(
        new ImportTarget(BREVO, List.of(Long.toString(BREVO_LIST))),
        new ImportTarget(MAILJET, List.of(Long.toString(MAILJET_LIST))),
        new ImportTarget(LISTMONK, List.of(Long.toString(listmonkList))));
  }

  /** Imports with the store at {@code store} (as a worker mounts it) and files from the test. */
  ImportSetup imports(Path store) {
    return new ImportSetup(new ImportStore(store), List.of(dir));
  }

  /**
   * The production wiring, with the Brevo bulk connector wrapped as given (the decorator binding
   * overridden).
   */
  private void register(
      WorkerFactory factory, ImportSetup imports, UnaryOperator<BulkImportConnector> brevo) {
    wiring.register(
        factory,
        new TestWiring.Worker(
            config,
            accounts,
            new SubjectHasher("import-testbed-subject-key-32byt".getBytes(StandardCharsets.UTF_8)),
            imports,
            Optional.empty()),
        binder ->
            binder
                .bind(BulkImportDecorator.class)
                .toInstance((account, bulk) -> account.equals(BREVO) ? brevo.apply(bulk) : bulk));
  }

  /**
   * Starts a worker of its own on the environment's server (for restart tests). It asks for no
   * sticky queue: a real cluster moves a workflow task left on a stopped worker's sticky queue to
   * the normal queue after the sticky schedule-to-start timeout (5 s), but the Java test server
   * never times it out, so a successor worker would never see the workflow again.
   */
  WorkerFactory startWorker() {
    return startWorker(imports(dir.resolve("store")), brevoWrapper);
  }

  /**
   * As {@link #startWorker()}, for a worker of its own: its view of the import store, and its own
   * wrapper of the Brevo bulk connector.
   */
  WorkerFactory startWorker(ImportSetup imports, UnaryOperator<BulkImportConnector> brevo) {
    WorkerFactory factory =
        WorkerFactory.newInstance(
            client,
            MaskingWorkerInterceptor.factoryOptions()
                .setWorkflowHostLocalTaskQueueScheduleToStartTimeout(Duration.ZERO)
                .build());
    register(factory, imports, brevo);
    factory.start();
    return factory;
  }

  BulkImportWorkflow start(String workflowId, BulkImportRequest request) {
    BulkImportWorkflow stub =
        client.newWorkflowStub(
            BulkImportWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ROSTER)
                .setWorkflowId(workflowId)
                .build());
    WorkflowClient.start(stub::importContacts, request);
    return stub;
  }

  private VendorAccount account(String id, String baseUrl, String credential) {
    return new VendorAccount(
        config.accounts().get(id), URI.create(baseUrl), new Secret(credential), true);
  }

  /** The registry the environment reports to ({@link #metered} testbeds only). */
  PrometheusMeterRegistry metrics() {
    return wiring.instance(PrometheusMeterRegistry.class);
  }

  @Override
  public void close() {
    env.close();
    if (metered) {
      Metrics.removeRegistry(metrics());
    }
    brevo.close();
    mailjet.close();
    listmonk.close();
    mailerSend.close();
  }
}
