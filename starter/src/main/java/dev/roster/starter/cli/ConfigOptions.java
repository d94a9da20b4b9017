package dev.roster.starter.cli;

import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --config PATH}, shared by every command. */
public final class ConfigOptions {
  static final String BUILT_IN = "/dev/roster/starter/dev.yaml";

  @Option(
      names = "--config",
      paramLabel = "PATH",
      description =
          "Configuration file (default: ./roster.yaml; without one, a built-in configuration with"
              + " one sandbox Brevo account, brevo-main).")
  Path file;

  /** The explicit file, else ./roster.yaml, else the built-in sandbox configuration. */
  public RosterConfig load(Map<String, String> env) {
    if (file != null) {
      return ConfigLoader.load(file, env);
    }
    if (Files.exists(ConfigLoader.DEFAULT_FILE)) {
      return ConfigLoader.load(ConfigLoader.DEFAULT_FILE, env);
    }
    return builtIn(env);
  }

  /** True when neither --config nor ./roster.yaml gives a file. */
  public boolean usesBuiltIn() {
    return file == null && !Files.exists(ConfigLoader.DEFAULT_FILE);
  }

  static RosterConfig builtIn(Map<String, String> env) {
    try (InputStream in = ConfigOptions.class.getResourceAsStream(BUILT_IN)) {
      return ConfigLoader.parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in dev.yaml", env);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
