package dev.roster.worker.testbed;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.uber.m3.tally.Scope;
import dev.roster.worker.masking.MaskingWorkerInterceptor;
import dev.roster.workflows.conventions.RosterSearchAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.Optional;

/**
 * Overrides {@code TemporalModule}'s connection with a {@link TestWorkflowEnvironment} (Roster's
 * search attributes registered) built from the production {@link DataConverter} binding, so tests
 * convert payloads exactly as production does.
 */
public final class TestTemporalModule extends AbstractModule {
  private final boolean timeSkipping;

  /**
   * @param timeSkipping a time-skipping test server, or one on the real clock
   */
  public TestTemporalModule(boolean timeSkipping) {
    this.timeSkipping = timeSkipping;
  }

  @Provides
  @Singleton
  TestWorkflowEnvironment environment(DataConverter converter, Optional<Scope> metrics) {
    TestEnvironmentOptions.Builder options =
        TestEnvironmentOptions.newBuilder()
            .setUseTimeskipping(timeSkipping)
            .setWorkerFactoryOptions(MaskingWorkerInterceptor.factoryOptions().build())
            .setWorkflowClientOptions(
                WorkflowClientOptions.newBuilder().setDataConverter(converter).build());
    // The SDK's metrics scope when MetricsModule is installed, as TemporalConnection takes it.
    metrics.ifPresent(options::setMetricsScope);
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options.build());
    RosterSearchAttributes.ALL.forEach(env::registerSearchAttribute);
    return env;
  }

  @Provides
  @Singleton
  WorkflowClient client(TestWorkflowEnvironment env) {
    return env.getWorkflowClient();
  }

  @Provides
  @Singleton
  WorkflowServiceStubs stubs(TestWorkflowEnvironment env) {
    return env.getWorkflowServiceStubs();
  }
}
