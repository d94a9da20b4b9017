package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a credential lives: {@code {env: NAME}} or {@code {file: PATH}}. Configuration holds only
 * references, never the secret itself. The key path (e.g. {@code accounts.brevo-main.credentials})
 * is kept so that a failure to resolve names the key to fix.
 */
public sealed interface SecretRef {

  /** The configuration key this reference was read from, for error messages. */
  String keyPath();

  /**
   * Reads the secret. Idempotent; reads the file again on every call (so rotated files are seen).
   *
   * @return empty when the variable is not set or the file does not exist
   * @throws ConfigException when the variable is set but empty, or the file exists but cannot be
   *     read or is empty; the message names the key path, never the content
   */
  Optional<Secret> resolve(Map<String, String> env);

  /**
   * Why {@link #resolve} finds nothing, e.g. {@code environment variable X is not set}; empty when
   * it resolves.
   */
  default Optional<String> problem(Map<String, String> env) {
    try {
      return resolve(env).isPresent() ? Optional.empty() : Optional.of(absence());
    } catch (ConfigException e) {
      return Optional.of(String.join("; ", e.problems()));
    }
  }

  /** Says what is missing when {@link #resolve} returns empty. */
  String absence();

  static SecretRef env(String name, String keyPath) {
    return new Env(name, keyPath);
  }

  static SecretRef file(Path path, String keyPath) {
    return new File(path, keyPath);
  }

  /** {@code {env: NAME}}: the value of an environment variable. */
  record Env(String name, String keyPath) implements SecretRef {
    public Env {
      requireNonNull(name, "name is null");
      requireNonNull(keyPath, "keyPath is null");
    }

    @Override
    public Optional<Secret> resolve(Map<String, String> env) {
      String value = env.get(name);
      if (value == null) {
        return Optional.empty();
      }
      if (value.isBlank()) {
        throw new ConfigException(
            "environment", keyPath + ": environment variable " + name + " is set but empty");
      }
      return Optional.of(new Secret(value));
    }

    @Override
    public String absence() {
      return "environment variable " + name + " is not set";
    }

    @Override
    public String toString() {
      return "{env: " + name + "}";
    }
  }

  /** {@code {file: PATH}}: the content of a file, trailing newline removed. */
  record File(Path path, String keyPath) implements SecretRef {
    public File {
      requireNonNull(path, "path is null");
      requireNonNull(keyPath, "keyPath is null");
    }

    @Override
    public Optional<Secret> resolve(Map<String, String> env) {
      if (!Files.exists(path)) {
        return Optional.empty();
      }
      String content;
      try {
        content = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        // The exception text may quote the path but never the content, which was not read.
        throw new ConfigException(
            path.toString(),
            keyPath + ": file " + path + " cannot be read (" + e.getClass().getSimpleName() + ")");
      }
      // Secret files written by editors, `echo` or Kubernetes usually end with a newline.
      String value = content.strip();
      if (value.isEmpty()) {
        throw new ConfigException(path.toString(), keyPath + ": file " + path + " is empty");
      }
      return Optional.of(new Secret(value));
    }

    @Override
    public String absence() {
      return "file " + path + " does not exist";
    }

    @Override
    public String toString() {
      return "{file: " + path + "}";
    }
  }
}
