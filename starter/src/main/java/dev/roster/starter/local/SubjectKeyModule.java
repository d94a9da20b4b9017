package dev.roster.starter.local;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.roster.activities.control.SubjectHasher;
import dev.roster.worker.Environment;
import dev.roster.worker.config.RosterConfig;

/**
 * The subject-hash key: the configured one, required by the deployed roles; dev and demo bind the
 * one they chose ({@link SubjectKeys#forLocal}).
 */
public final class SubjectKeyModule extends AbstractModule {
  private final SubjectHasher chosen;

  private SubjectKeyModule(SubjectHasher chosen) {
    this.chosen = chosen;
  }

  /** For {@code worker} and {@code serve}: a configured key of 16+ bytes. */
  public static SubjectKeyModule required() {
    return new SubjectKeyModule(null);
  }

  /** For {@code dev} and {@code demo}: the hasher they chose. */
  public static SubjectKeyModule of(SubjectHasher chosen) {
    return new SubjectKeyModule(requireNonNull(chosen, "chosen is null"));
  }

  @Provides
  @Singleton
  SubjectHasher subjects(RosterConfig config, Environment env) {
    return chosen != null ? chosen : SubjectKeys.required(config, env.variables());
  }
}
