package dev.roster.worker;

import static dev.roster.worker.ActivityRegistration.onEveryAccountQueue;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.multibindings.ProvidesIntoSet;
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
import dev.roster.worker.config.ApprovalConfig;
import dev.roster.worker.config.WorkerConfig;
import dev.roster.worker.masking.MaskingWorkerInterceptor;
import dev.roster.worker.vendor.VendorBinder;
import dev.roster.workflows.conventions.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import java.util.List;

/**
 * The worker role: a {@link WorkerFactory} on the bound client, the {@link RosterWorker} that
 * registers every {@link ActivityRegistration} on it, and Roster's own activities (control and
 * import planning on {@code roster}; team, contact, import and invitation checks on every account
 * queue). Needs from other modules: the {@link WorkflowClient}, the vendor accounts ({@code
 * List<VendorAccount>}), the {@link ImportSetup}, the {@link SubjectHasher}, the configuration, and
 * the vendor modules' connector factories. ServiceNow, when configured, comes from {@link
 * ServiceNowModule} through the optional bindings declared here.
 */
public final class WorkerModule extends AbstractModule {

  @Override
  protected void configure() {
    VendorBinder.vendorBinder(binder());
    Multibinder.newSetBinder(binder(), ActivityRegistration.class);
    Multibinder.newSetBinder(binder(), QueueBudget.class);
    OptionalBinder.newOptionalBinder(binder(), ServiceNowSetup.class);
    OptionalBinder.newOptionalBinder(binder(), TicketSettings.class)
        .setDefault()
        .toInstance(TicketSettings.DISABLED);
    OptionalBinder.newOptionalBinder(binder(), AttachmentOpener.class)
        .setDefault()
        .toInstance(AttachmentOpener.unavailable());
    bind(BulkImportDecorator.class).toInstance(BulkImportDecorator.NONE);
    bind(AccountConnectors.class).in(Singleton.class);
    bind(RosterWorker.class).in(Singleton.class);
  }

  @Provides
  @Singleton
  WorkerFactory workerFactory(WorkflowClient client, WorkerConfig tuning) {
    return WorkerFactory.newInstance(
        client,
        MaskingWorkerInterceptor.factoryOptions()
            .setWorkflowCacheSize(tuning.workflowCacheSize())
            .build());
  }

  /** Files under the allowed roots, https URLs, and ServiceNow attachments when configured. */
  @Provides
  @Singleton
  SourceOpener sources(ImportSetup imports, AttachmentOpener attachments) {
    return new RoutingSourceOpener(
        new FileSourceOpener(imports.allowedRoots()),
        new HttpsSourceOpener(
            VendorHttp.newClient("import-source", List.of()), HttpsSourceConfig.defaults()),
        attachments);
  }

  @Provides
  @Singleton
  TeamActivitiesImpl teamActivities(AccountConnectors accounts) {
    return new TeamActivitiesImpl(accounts.teams());
  }

  @ProvidesIntoSet
  ActivityRegistration control(
      AccountConnectors accounts,
      ApprovalConfig approvals,
      SubjectHasher subjects,
      WorkflowClient client,
      TicketSettings tickets) {
    return new ActivityRegistration(
        TaskQueues.ROSTER,
        new ControlActivitiesImpl(accounts.infos(), approvals.policy(), subjects, client, tickets));
  }

  @ProvidesIntoSet
  ActivityRegistration importPlanning(
      SourceOpener sources, AccountConnectors accounts, ImportSetup imports) {
    return new ActivityRegistration(
        TaskQueues.ROSTER,
        new ImportPlanningActivitiesImpl(
            sources, accounts.bulk(), accounts.vendors(), imports.store(), imports.checkpoints()));
  }

  @ProvidesIntoSet
  ActivityRegistration team(TeamActivitiesImpl team) {
    return onEveryAccountQueue(team);
  }

  @ProvidesIntoSet
  ActivityRegistration contacts(AccountConnectors accounts) {
    return onEveryAccountQueue(new ContactActivitiesImpl(accounts.contacts()));
  }

  @ProvidesIntoSet
  ActivityRegistration imports(
      SourceOpener sources, AccountConnectors accounts, ImportSetup imports) {
    return onEveryAccountQueue(
        new ImportVendorActivitiesImpl(sources, accounts.bulk(), imports.store()));
  }

  @ProvidesIntoSet
  ActivityRegistration invitationChecks(TeamActivitiesImpl team, WorkflowClient client) {
    return onEveryAccountQueue(new InvitationChecks(team, client));
  }
}
