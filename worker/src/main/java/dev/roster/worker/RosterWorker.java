package dev.roster.worker;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.ContactActivitiesImpl;
import dev.roster.activities.TeamActivitiesImpl;
import dev.roster.activities.bulkimport.AttachmentOpener;
import dev.roster.activities.bulkimport.FileSourceOpener;
import dev.roster.activities.bulkimport.HttpsSourceConfig;
import dev.roster.activities.bulkimport.HttpsSourceOpener;
import dev.roster.activities.bulkimport.ImportPlanningActivitiesImpl;
import dev.roster.activities.bulkimport.ImportVendorActivitiesImpl;
import dev.roster.activities.bulkimport.RoutingSourceOpener;
import dev.roster.activities.bulkimport.SourceOpener;
import dev.roster.activities.control.ControlActivitiesImpl;
import dev.roster.activities.control.InvitationChecks;
import dev.roster.activities.control.SubjectHasher;
import dev.roster.activities.control.TicketSettings;
import dev.roster.activities.http.VendorHttp;
import dev.roster.activities.servicenow.ServiceNowAttachmentOpener;
import dev.roster.activities.servicenow.ServiceNowClient;
import dev.roster.activities.servicenow.TicketActivitiesImpl;
import dev.roster.activities.spi.BulkImportConnector;
import dev.roster.activities.spi.ContactConnector;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.worker.config.AccountConfig;
import dev.roster.worker.config.ApprovalConfig;
import dev.roster.worker.config.InvitationConfig;
import dev.roster.worker.config.RateBudgetConfig;
import dev.roster.workflows.account.AccountInfo;
import dev.roster.workflows.account.InvitationPolicy;
import dev.roster.workflows.approval.ApprovalPolicy;
import dev.roster.workflows.board.RequestBoardWorkflowImpl;
import dev.roster.workflows.bulkimport.BulkImportWorkflowImpl;
import dev.roster.workflows.conventions.TaskQueues;
import dev.roster.workflows.offboard.OffboardUserWorkflowImpl;
import dev.roster.workflows.onboard.OnboardUserWorkflowImpl;
import dev.roster.workflows.ticket.ServiceNowPollerWorkflowImpl;
import dev.roster.workflows.ticket.TicketUpdatesWorkflowImpl;
import dev.roster.workflows.watcher.InvitationWatcherWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker role: workflows and Roster's control activities on {@code roster}, and one activity
 * queue per vendor account and endpoint family, each with its account's rate budget.
 */
public final class RosterWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RosterWorker.class);

  /**
   * Every workflow implementation the worker runs, on {@link TaskQueues#ROSTER}. Each must have a
   * recorded history that replays in the tests.
   */
  public static final List<Class<?>> WORKFLOWS =
      List.of(
          OnboardUserWorkflowImpl.class,
          InvitationWatcherWorkflowImpl.class,
          OffboardUserWorkflowImpl.class,
          RequestBoardWorkflowImpl.class,
          TicketUpdatesWorkflowImpl.class,
          ServiceNowPollerWorkflowImpl.class,
          BulkImportWorkflowImpl.class);

  private final WorkerFactory factory;
  private final List<String> queues;

  private RosterWorker(WorkerFactory factory, List<String> queues) {
    this.factory = factory;
    this.queues = queues;
  }

  /** Registers everything on a new factory and starts polling. */
  public static RosterWorker start(
      WorkflowClient client,
      List<VendorAccount> accounts,
      ApprovalConfig approvals,
      SubjectHasher subjects,
      ServiceNowSetup servicenow,
      ImportSetup imports) {
    requireNonNull(client, "client is null");
    WorkerFactory factory = WorkerFactory.newInstance(client);
    List<String> queues =
        register(
            factory, accounts, approvals, subjects, servicenow, imports, (account, bulk) -> bulk);
    factory.start();
    log.info("worker started taskQueues={}", queues);
    return new RosterWorker(factory, queues);
  }

  /**
   * Registers workflows and activities on {@code factory} without starting it (tests pass the
   * factory of a {@code TestWorkflowEnvironment}). Returns the task queues registered.
   */
  public static List<String> register(
      WorkerFactory factory,
      List<VendorAccount> accounts,
      ApprovalConfig approvals,
      SubjectHasher subjects) {
    return register(factory, accounts, approvals, subjects, null);
  }

  /**
   * As {@link #register(WorkerFactory, List, ApprovalConfig, SubjectHasher)}, with ticket
   * write-back to ServiceNow and ticket attachments as import sources when {@code servicenow} is
   * not null (without it an attachment source is refused, saying so). Takes no imports.
   */
  public static List<String> register(
      WorkerFactory factory,
      List<VendorAccount> accounts,
      ApprovalConfig approvals,
      SubjectHasher subjects,
      ServiceNowSetup servicenow) {
    return register(
        factory,
        accounts,
        approvals,
        subjects,
        servicenow,
        ImportSetup.disabled(),
        (account, bulk) -> bulk);
  }

  /**
   * As above, with bulk imports as {@code imports} sets them up; {@code bulkWrapper} may wrap an
   * account's bulk-import connector (tests inject faults there, e.g. a response lost after the
   * vendor accepted a chunk).
   */
  public static List<String> register(
      WorkerFactory factory,
      List<VendorAccount> accounts,
      ApprovalConfig approvals,
      SubjectHasher subjects,
      ServiceNowSetup servicenow,
      ImportSetup imports,
      BiFunction<String, BulkImportConnector, BulkImportConnector> bulkWrapper) {
    WorkflowClient client = factory.getWorkflowClient();
    Map<String, AccountInfo> infos = new LinkedHashMap<>();
    Map<String, TeamConnector> teams = new LinkedHashMap<>();
    Map<String, ContactConnector> contacts = new LinkedHashMap<>();
    Map<String, BulkImportConnector> bulk = new LinkedHashMap<>();
    Map<String, String> vendors = new LinkedHashMap<>();
    Map<String, Double> queueRates = new LinkedHashMap<>();
    for (VendorAccount account : accounts) {
      Connectors.Built built = Connectors.build(account);
      if (built.team() != null) {
        teams.put(account.id(), built.team());
      }
      if (built.contacts() != null) {
        contacts.put(account.id(), built.contacts());
      }
      if (built.bulk() != null) {
        bulk.put(account.id(), bulkWrapper.apply(account.id(), built.bulk()));
      }
      vendors.put(account.id(), account.config().type().yamlName());
      AccountInfo info = info(account.config(), built);
      infos.put(account.id(), info);
      queueRates.put(info.teamTaskQueue(), rate(account.config(), built.teamFamily()));
      queueRates.put(info.contactsTaskQueue(), rate(account.config(), built.contactsFamily()));
    }

    Worker roster = factory.newWorker(TaskQueues.ROSTER);
    roster.registerWorkflowImplementationTypes(WORKFLOWS.toArray(Class<?>[]::new));
    // One client per process, so ticket write-back and attachment reads share the budget.
    ServiceNowClient servicenowClient = servicenow == null ? null : servicenow.client();
    SourceOpener sources =
        new RoutingSourceOpener(
            new FileSourceOpener(imports.allowedRoots()),
            new HttpsSourceOpener(
                VendorHttp.newClient("import-source", java.util.List.of()),
                HttpsSourceConfig.defaults()),
            servicenowClient == null
                ? AttachmentOpener.unavailable()
                : new ServiceNowAttachmentOpener(servicenowClient, HttpsSourceConfig.defaults()));
    roster.registerActivitiesImplementations(
        new ImportPlanningActivitiesImpl(
            sources, bulk, vendors, imports.store(), imports.checkpoints()));
    roster.registerActivitiesImplementations(
        new ControlActivitiesImpl(
            infos,
            policy(approvals),
            subjects,
            client,
            servicenow == null ? TicketSettings.DISABLED : servicenow.tickets()));
    if (servicenow != null) {
      Worker tickets =
          factory.newWorker(
              TaskQueues.SERVICENOW,
              WorkerOptions.newBuilder()
                  .setMaxTaskQueueActivitiesPerSecond(servicenow.rate())
                  .setMaxWorkerActivitiesPerSecond(servicenow.rate())
                  .build());
      tickets.registerActivitiesImplementations(new TicketActivitiesImpl(servicenowClient));
      servicenow.intake().ifPresent(tickets::registerActivitiesImplementations);
      queueRates.put(TaskQueues.SERVICENOW, servicenow.rate());
    }

    // Every account queue serves both interfaces; each routes by account and refuses an account
    // without that kind of connector, so a wrong routing fails loudly instead of hanging.
    ImportVendorActivitiesImpl importActivities =
        new ImportVendorActivitiesImpl(sources, bulk, imports.store());
    TeamActivitiesImpl teamActivities = new TeamActivitiesImpl(teams);
    ContactActivitiesImpl contactActivities = new ContactActivitiesImpl(contacts);
    InvitationChecks invitationChecks = new InvitationChecks(teamActivities, client);
    for (Map.Entry<String, Double> queue : queueRates.entrySet()) {
      if (queue.getKey().equals(TaskQueues.SERVICENOW)) {
        continue;
      }
      Worker worker =
          factory.newWorker(
              queue.getKey(),
              WorkerOptions.newBuilder()
                  // Server-wide on a real cluster; the embedded server ignores it, so the
                  // per-worker limit and the HTTP layer's budget hold the line there.
                  .setMaxTaskQueueActivitiesPerSecond(queue.getValue())
                  .setMaxWorkerActivitiesPerSecond(queue.getValue())
                  .build());
      worker.registerActivitiesImplementations(
          teamActivities, contactActivities, importActivities, invitationChecks);
    }
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(TaskQueues.ROSTER), queueRates.keySet().stream())
        .toList();
  }

  private static AccountInfo info(AccountConfig config, Connectors.Built built) {
    InvitationConfig inv = config.invitations();
    return new AccountInfo(
        config.id(),
        config.type().yamlName(),
        built.capabilities(),
        TaskQueues.activityQueue(config.id(), built.teamFamily()),
        TaskQueues.activityQueue(config.id(), built.contactsFamily()),
        new InvitationPolicy(inv.pollInterval(), inv.resendAfter(), inv.expireAfter()));
  }

  /** Requests per second allowed by the family's budget. */
  private static double rate(AccountConfig config, String family) {
    RateBudgetConfig budget = config.rateBudgets().get(family);
    return budget.requests() / (budget.per().toMillis() / 1000.0);
  }

  static ApprovalPolicy policy(ApprovalConfig approvals) {
    return new ApprovalPolicy(
        approvals.privilegedRoles(), approvals.timeout(), approvals.remindEvery());
  }

  /** The task queues this worker polls. */
  public List<String> taskQueues() {
    return queues;
  }

  @Override
  public void close() {
    factory.shutdownNow();
    factory.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
  }
}
