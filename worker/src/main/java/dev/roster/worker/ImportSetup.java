package dev.roster.worker;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.bulkimport.AllowedRoots;
import dev.roster.activities.bulkimport.CheckpointPolicy;
import dev.roster.activities.bulkimport.ImportStore;
import dev.roster.worker.config.ConfigException;
import dev.roster.worker.config.ImportsConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Bulk imports as this process runs them: the store every worker mounts for plans, checkpoints and
 * failure reports, and the directories local file sources may come from.
 *
 * <p>"Enabled" means {@code imports.enabled} is true (the default). Then {@code roster worker}
 * requires {@code imports.store} and refuses to start without it (or when it cannot write there);
 * file sources need {@code imports.allowedRoots} (without it every file source is refused; URLs and
 * ServiceNow attachments still work). {@code dev} and {@code demo} default the store to {@code
 * .roster/imports} and the allowed roots to the working directory. With {@code imports.enabled:
 * false} every import fails at once, saying so.
 *
 * @param store the import store, or null when imports are disabled
 * @param allowedRoots where file sources may come from; empty refuses every file
 * @param checkpoints how often planning checkpoints and heartbeats
 */
public record ImportSetup(
    ImportStore store, List<Path> allowedRoots, CheckpointPolicy checkpoints) {
  /** The dev/demo store, relative to the working directory (git ignores {@code .roster/}). */
  public static final Path LOCAL_STORE = Path.of(".roster", "imports");

  public ImportSetup {
    allowedRoots = List.copyOf(requireNonNull(allowedRoots, "allowedRoots is null"));
    requireNonNull(checkpoints, "checkpoints is null");
  }

  /** A store and the allowed roots, with the default checkpoints. */
  public ImportSetup(ImportStore store, List<Path> allowedRoots) {
    this(store, allowedRoots, CheckpointPolicy.defaults());
  }

  /** A process that takes no imports (tests of other workflows). */
  public static ImportSetup disabled() {
    return new ImportSetup(null, List.of());
  }

  /**
   * For {@code roster worker}: the configured store, created if needed and proven writable.
   *
   * @throws ConfigException naming {@code imports.store} when it is missing or unusable
   */
  public static ImportSetup forWorker(ImportsConfig config) {
    if (!config.enabled()) {
      return disabled();
    }
    if (config.store() == null) {
      throw new ConfigException(
          "configuration",
          ImportStore.SETTING
              + ": required by the worker: a directory every worker mounts, for import plans"
              + " and failure reports (or set imports.enabled: false)");
    }
    ImportStore store = new ImportStore(config.store(), config.deleteFilesWhenDone());
    try {
      store.prepare();
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(
          "configuration",
          ImportStore.SETTING
              + ": cannot write to "
              + store.root()
              + " ("
              + e.getClass().getSimpleName()
              + ")");
    }
    return new ImportSetup(store, absolute(config.allowedRoots()));
  }

  /** For {@code dev} and {@code demo}: the configured values, else the local defaults. */
  public static ImportSetup forLocal(ImportsConfig config, Path workingDirectory) {
    if (!config.enabled()) {
      return disabled();
    }
    Path dir = workingDirectory.toAbsolutePath().normalize();
    Path store = config.store() != null ? config.store() : dir.resolve(LOCAL_STORE);
    List<Path> roots = config.allowedRoots().isEmpty() ? List.of(dir) : config.allowedRoots();
    return new ImportSetup(
        new ImportStore(dir.resolve(store), config.deleteFilesWhenDone()), absolute(roots));
  }

  public boolean enabled() {
    return store != null;
  }

  /** One line for a start-up banner. */
  public String describe() {
    if (!enabled()) {
      return "disabled (imports.enabled: false or no imports.store)";
    }
    return "store "
        + store.root()
        + (store.deletesFilesWhenDone() ? " (an import's files deleted when it ends)" : "")
        + ", files from "
        + (allowedRoots.isEmpty()
            ? "nowhere (" + AllowedRoots.SETTING + " not set)"
            : allowedRoots.toString());
  }

  private static List<Path> absolute(List<Path> roots) {
    return roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }
}
