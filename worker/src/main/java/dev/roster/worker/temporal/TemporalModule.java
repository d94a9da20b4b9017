package dev.roster.worker.temporal;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.roster.worker.config.TemporalConfig;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.Map;

/**
 * The connection to Temporal: service stubs, the {@link WorkflowClient}, and the one {@link
 * DataConverter} every client and worker of the process uses (tests build their environment from it
 * too), so a payload codec added here applies everywhere.
 */
public final class TemporalModule extends AbstractModule {
  private final TemporalConfig config;
  private final Map<String, String> env;

  /**
   * @param config where Temporal is (the configured one, or one a command settled, e.g. the address
   *     a running {@code roster dev} recorded)
   * @param env where {@code temporal.apiKey} is resolved
   */
  public TemporalModule(TemporalConfig config, Map<String, String> env) {
    this.config = requireNonNull(config, "config is null");
    this.env = Map.copyOf(requireNonNull(env, "env is null"));
  }

  @Override
  protected void configure() {
    bind(TemporalConfig.class).toInstance(config);
  }

  @Provides
  @Singleton
  DataConverter dataConverter() {
    return DefaultDataConverter.newDefaultInstance();
  }

  @Provides
  @Singleton
  TemporalConnection connection(DataConverter converter) {
    return TemporalConnection.open(config, env, converter);
  }

  @Provides
  @Singleton
  WorkflowServiceStubs stubs(TemporalConnection connection) {
    return connection.service();
  }

  @Provides
  @Singleton
  WorkflowClient client(TemporalConnection connection) {
    return connection.client();
  }
}
