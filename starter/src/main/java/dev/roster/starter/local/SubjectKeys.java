package dev.roster.starter.local;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.activities.http.Secret;
import dev.roster.worker.config.ConfigException;
import dev.roster.worker.config.RosterConfig;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Where the subject-hash key comes from. A configured Temporal cluster always needs the configured
 * key ({@code subjectKey}): without it anyone could recompute the hashes in workflow ids from a
 * list of candidate emails. Only the embedded server of {@code roster dev}/{@code roster demo} does
 * without: those generate an ephemeral key, and {@code roster dev} records it for the other
 * commands ({@link DevRecord#subjectKey()}).
 */
public final class SubjectKeys {
  /**
   * What a one-shot command uses against an embedded server that recorded no key: one started by a
   * Roster from before keys were recorded, or none at all (nothing to find there). Public, so it is
   * never used against a configured cluster.
   */
  private static final byte[] DEV_KEY =
      "roster-dev-subject-key-not-for-production".getBytes(StandardCharsets.UTF_8);

  /** The configured key; deployed roles and every command against a cluster require one. */
  public static SubjectHasher required(RosterConfig config, Map<String, String> env) {
    Optional<Secret> key = config.subjectKey().resolve(env);
    if (key.isEmpty()) {
      throw new ConfigException(
          "subjectKey",
          "subjectKey: "
              + config.subjectKey().absence()
              + " (a configured Temporal cluster needs a key of 16+ bytes for subject hashes;"
              + " only roster dev and demo on their embedded server do without)");
    }
    return hasher(key.get());
  }

  /**
   * For {@code dev} and {@code demo}: the configured key; without one, a fresh random key on the
   * embedded server, and a usage error against a configured cluster.
   */
  public static Local forLocal(RosterConfig config, Map<String, String> env, boolean embedded) {
    if (!embedded || config.subjectKey().resolve(env).isPresent()) {
      return new Local(required(config, env), Optional.empty());
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    Secret key = new Secret(Base64.getEncoder().encodeToString(random));
    return new Local(hasher(key), Optional.of(key));
  }

  /**
   * For the one-shot commands: the configured key; else, against a configured cluster, a usage
   * error naming {@code subjectKey}; else the key {@code roster dev} recorded; else the dev key.
   *
   * @param cluster whether the command talks to a configured cluster (not an embedded server)
   * @param recorded the key a running {@code roster dev} recorded, if any
   */
  public static SubjectHasher forCommand(
      RosterConfig config, Map<String, String> env, boolean cluster, Optional<String> recorded) {
    if (cluster || config.subjectKey().resolve(env).isPresent()) {
      return required(config, env);
    }
    return recorded.map(k -> hasher(new Secret(k))).orElseGet(() -> new SubjectHasher(DEV_KEY));
  }

  private static SubjectHasher hasher(Secret key) {
    byte[] bytes = key.reveal().getBytes(StandardCharsets.UTF_8);
    if (bytes.length < 16) {
      throw new ConfigException("subjectKey", "subjectKey: the key must be at least 16 bytes");
    }
    return new SubjectHasher(bytes);
  }

  /**
   * The hasher of {@code dev}/{@code demo}, and the ephemeral key behind it when it was generated
   * (empty when configured).
   */
  public record Local(SubjectHasher hasher, Optional<Secret> ephemeral) {}

  private SubjectKeys() {}
}
