package dev.roster.worker;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.roster.activities.bulkimport.AttachmentOpener;
import dev.roster.activities.bulkimport.HttpsSourceConfig;
import dev.roster.activities.control.TicketSettings;
import dev.roster.activities.servicenow.ServiceNowAttachmentOpener;
import dev.roster.activities.servicenow.ServiceNowClient;
import dev.roster.activities.servicenow.TicketActivitiesImpl;
import dev.roster.workflows.conventions.TaskQueues;

/**
 * ServiceNow, installed only when it is configured: one client per process (ticket write-back,
 * attachment reads and poll mode's intake share its budget), ticket write-back on the {@code
 * roster-servicenow} queue with the instance's budget, and ticket attachments as import sources.
 */
public final class ServiceNowModule extends AbstractModule {
  private final ServiceNowSetup setup;

  /**
   * @param setup the instance: the configured one, or (dev/demo) a sandbox
   */
  public ServiceNowModule(ServiceNowSetup setup) {
    this.setup = requireNonNull(setup, "setup is null");
  }

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), ServiceNowSetup.class)
        .setBinding()
        .toInstance(setup);
    OptionalBinder.newOptionalBinder(binder(), TicketSettings.class)
        .setBinding()
        .toInstance(setup.tickets());
    OptionalBinder.newOptionalBinder(binder(), AttachmentOpener.class)
        .setBinding()
        .to(ServiceNowAttachmentOpener.class);
  }

  @Provides
  @Singleton
  ServiceNowClient client() {
    return setup.client();
  }

  @Provides
  @Singleton
  ServiceNowAttachmentOpener attachments(ServiceNowClient client) {
    return new ServiceNowAttachmentOpener(client, HttpsSourceConfig.defaults());
  }

  @ProvidesIntoSet
  ActivityRegistration tickets(ServiceNowClient client) {
    return new ActivityRegistration(TaskQueues.SERVICENOW, new TicketActivitiesImpl(client));
  }

  @ProvidesIntoSet
  QueueBudget budget() {
    return new QueueBudget(TaskQueues.SERVICENOW, setup.rate());
  }
}
