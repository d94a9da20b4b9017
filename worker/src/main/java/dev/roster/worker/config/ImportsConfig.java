package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * Bulk imports: the {@code imports} section as written; what each role makes of it (a worker
 * requires the store, dev and demo fill in defaults) is {@code dev.roster.worker.ImportSetup}.
 *
 * @param enabled whether this deployment takes imports at all (default true)
 * @param store the directory every worker mounts for plans, checkpoints and failure reports; null
 *     when not configured
 * @param allowedRoots the directories local file sources may come from (links and {@code ..}
 *     resolved); empty when not configured
 * @param deleteFilesWhenDone whether an import's files (plan, failure report) are deleted from the
 *     store when it ends (default false: kept until someone deletes them)
 */
public record ImportsConfig(
    boolean enabled, Path store, List<Path> allowedRoots, boolean deleteFilesWhenDone) {
  public static final ImportsConfig DEFAULTS = new ImportsConfig(true, null, List.of(), false);

  public ImportsConfig {
    allowedRoots = List.copyOf(requireNonNull(allowedRoots, "allowedRoots is null"));
  }

  /** Files kept when imports end. */
  public ImportsConfig(boolean enabled, Path store, List<Path> allowedRoots) {
    this(enabled, store, allowedRoots, false);
  }
}
