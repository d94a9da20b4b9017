package dev.roster.starter.cli;

import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --config PATH}, shared by every command. */
public final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "PATH",
      description = "Configuration file (default: ./roster.yaml when it exists).")
  Path file;

  /** Loads the configuration; the default file may be absent, an explicit one may not. */
  public RosterConfig load(Map<String, String> env) {
    return file != null
        ? ConfigLoader.load(file, env)
        : ConfigLoader.loadOrDefaults(ConfigLoader.DEFAULT_FILE, env);
  }
}
