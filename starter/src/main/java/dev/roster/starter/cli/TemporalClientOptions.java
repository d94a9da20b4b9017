package dev.roster.starter.cli;

import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.TemporalConnection;
import picocli.CommandLine.Mixin;

/** What a one-shot command needs: the configuration and a connection to Temporal. */
public final class TemporalClientOptions {
  @Mixin ConfigOptions config;

  RosterConfig load() {
    return config.load(System.getenv());
  }

  /** Connects to the configured cluster, or to {@code roster dev}'s embedded server. */
  TemporalConnection connect(RosterConfig config) {
    return TemporalConnection.open(config.temporal(), System.getenv());
  }
}
