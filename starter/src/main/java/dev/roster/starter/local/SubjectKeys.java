package dev.roster.starter.local;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.activities.http.Secret;
import dev.roster.worker.config.ConfigException;
import dev.roster.worker.config.RosterConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Where the subject-hash key comes from: the configured secret, or a fixed dev key. */
public final class SubjectKeys {
  /**
   * Used by dev, demo and the one-shot CLI when no key is configured. Only fit for an embedded
   * server: anyone can compute the hashes.
   */
  private static final byte[] DEV_KEY =
      "roster-dev-subject-key-not-for-production".getBytes(StandardCharsets.UTF_8);

  /** The configured key; deployed roles require one. */
  public static SubjectHasher required(RosterConfig config, Map<String, String> env) {
    Optional<Secret> key = config.subjectKey().resolve(env);
    if (key.isEmpty()) {
      throw new ConfigException(
          "subjectKey",
          "subjectKey: "
              + config.subjectKey().absence()
              + " (deployed roles need a key of 16+ bytes for subject hashes)");
    }
    byte[] bytes = key.get().reveal().getBytes(StandardCharsets.UTF_8);
    if (bytes.length < 16) {
      throw new ConfigException("subjectKey", "subjectKey: the key must be at least 16 bytes");
    }
    return new SubjectHasher(bytes);
  }

  /** The configured key, or the dev key when none is configured. */
  public static SubjectHasher orDev(RosterConfig config, Map<String, String> env) {
    if (config.subjectKey().resolve(env).isPresent()) {
      return required(config, env);
    }
    return new SubjectHasher(DEV_KEY);
  }

  private SubjectKeys() {}
}
