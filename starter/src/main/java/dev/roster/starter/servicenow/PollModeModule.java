package dev.roster.starter.servicenow;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.roster.activities.control.SubjectHasher;
import dev.roster.activities.servicenow.ServiceNowClient;
import dev.roster.worker.ActivityRegistration;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.config.ServiceNowConfig;
import dev.roster.workflows.conventions.TaskQueues;
import io.temporal.client.WorkflowClient;
import java.time.Clock;

/**
 * Poll mode's intake activities on the {@code roster-servicenow} queue, on the process's one
 * ServiceNow client. Installed beside {@code ServiceNowModule} only when the configuration asks for
 * poll mode ({@link #wanted}).
 */
public final class PollModeModule extends AbstractModule {

  /** Whether {@code config} asks for poll mode (ServiceNow configured, {@code mode: poll}). */
  public static boolean wanted(RosterConfig config) {
    return config.servicenow().enabled() && config.servicenow().pollMode();
  }

  @ProvidesIntoSet
  ActivityRegistration intake(
      ServiceNowClient servicenow,
      RosterConfig config,
      WorkflowClient client,
      SubjectHasher subjects) {
    ServiceNowConfig sn = config.servicenow();
    return new ActivityRegistration(
        TaskQueues.SERVICENOW,
        new TicketIntake(
            servicenow,
            TicketRequests.fromConfig(config, client, subjects),
            client,
            sn.preApproved(),
            sn.pollInterval(),
            Clock.systemUTC()));
  }
}
