package dev.roster.starter.local;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.roster.activities.control.SubjectHasher;
import dev.roster.worker.Environment;
import dev.roster.worker.config.RosterConfig;

/**
 * The subject-hash key: the configured one, required by the deployed roles; dev and demo fall back
 * to the fixed dev key ({@link SubjectKeys}).
 */
public final class SubjectKeyModule extends AbstractModule {
  private final boolean devKeyAllowed;

  private SubjectKeyModule(boolean devKeyAllowed) {
    this.devKeyAllowed = devKeyAllowed;
  }

  /** For {@code worker} and {@code serve}: a configured key of 16+ bytes. */
  public static SubjectKeyModule required() {
    return new SubjectKeyModule(false);
  }

  /** For {@code dev} and {@code demo}: the configured key, or the dev key. */
  public static SubjectKeyModule orDev() {
    return new SubjectKeyModule(true);
  }

  @Provides
  @Singleton
  SubjectHasher subjects(RosterConfig config, Environment env) {
    return devKeyAllowed
        ? SubjectKeys.orDev(config, env.variables())
        : SubjectKeys.required(config, env.variables());
  }
}
