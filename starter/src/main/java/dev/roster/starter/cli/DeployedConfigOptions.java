package dev.roster.starter.cli;

import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --config PATH} for a deployed role: a file is required; the built-in sandbox configuration
 * of the one-shot commands is never used.
 */
public final class DeployedConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "PATH",
      description =
          "Configuration file (default: ./roster.yaml). Required: a deployed role never uses the"
              + " built-in sandbox configuration.")
  Path file;

  /** The explicit file, else ./roster.yaml; a usage error without either. */
  RosterConfig load(Map<String, String> env) {
    if (file != null) {
      return ConfigLoader.load(file, env);
    }
    if (Files.exists(ConfigLoader.DEFAULT_FILE)) {
      return ConfigLoader.load(ConfigLoader.DEFAULT_FILE, env);
    }
    throw new UsageError(
        "the worker needs a configuration: ./roster.yaml or --config PATH (see"
            + " roster.example.yaml)");
  }
}
