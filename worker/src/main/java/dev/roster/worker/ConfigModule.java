package dev.roster.worker;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import dev.roster.worker.config.ApprovalConfig;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.config.WorkerConfig;
import java.util.Map;

/** The loaded configuration and the environment it was read with. */
public final class ConfigModule extends AbstractModule {
  private final RosterConfig config;
  private final Environment env;

  public ConfigModule(RosterConfig config, Map<String, String> env) {
    this.config = requireNonNull(config, "config is null");
    this.env = new Environment(env);
  }

  @Override
  protected void configure() {
    bind(RosterConfig.class).toInstance(config);
    bind(ApprovalConfig.class).toInstance(config.approvals());
    bind(WorkerConfig.class).toInstance(config.worker());
    bind(Environment.class).toInstance(env);
  }
}
