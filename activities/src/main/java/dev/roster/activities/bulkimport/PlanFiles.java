package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps {@link ImportPlan}s in the {@link ImportStore}, so workflows carry a store-relative
 * reference instead of the plan's duplicate bitmap through every chunk's payload, and any worker
 * mounting the store reads it. Thread-safe; a small cache spares re-reading the plan for every
 * chunk (safe: every planning pass writes a plan file of its own name).
 */
final class PlanFiles {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final int CACHED = 16;

  /**
   * A plan and where its import's report and rejection list are in this worker's store.
   *
   * @param plan the plan
   * @param report the failure report
   * @param rejections the vendor jobs already appended to it
   */
  record Stored(ImportPlan plan, Path report, Path rejections) {}

  private final ImportStore store;
  private final Map<Path, Stored> cache =
      new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Stored> eldest) {
          return size() > CACHED;
        }
      };

  PlanFiles(ImportStore store) {
    this.store = requireNonNull(store, "store is null");
  }

  /** Writes the plan atomically, owner-only; returns the reference workflows carry. */
  String save(StoredImport files, String planningId, ImportPlan plan) {
    Path file = files.plan(planningId);
    try {
      ImportStore.writeAtomically(file, JSON.writeValueAsBytes(plan));
    } catch (IOException e) {
      throw new ImportFailed(
          ImportFailed.Kind.SOURCE_UNAVAILABLE, "cannot write the import plan " + file, e);
    }
    synchronized (cache) {
      cache.put(file, new Stored(plan, files.report(), files.rejections()));
    }
    return files.planRef(planningId);
  }

  /**
   * The plan {@code planRef} names. A plan written before imports had a store (an absolute path to
   * a {@code .plan.json} beside its report) is still read where it is, so imports running across
   * the upgrade finish.
   *
   * @throws ImportFailed {@code SOURCE_NOT_FOUND} when the plan is not in this worker's store
   */
  Stored load(String planRef) {
    boolean legacy = Path.of(planRef).isAbsolute() && planRef.endsWith(".plan.json");
    Path file = legacy ? Path.of(planRef) : store.planFile(planRef);
    synchronized (cache) {
      Stored cached = cache.get(file);
      if (cached != null) {
        return cached;
      }
    }
    ImportPlan plan = read(file);
    Stored stored;
    if (legacy) {
      Path report = Path.of(plan.report().failureReport());
      stored = new Stored(plan, report, report.resolveSibling(report.getFileName() + ".jobs"));
    } else {
      StoredImport files = store.owner(file);
      stored = new Stored(plan, files.report(), files.rejections());
    }
    synchronized (cache) {
      cache.put(file, stored);
    }
    return stored;
  }

  private ImportPlan read(Path file) {
    try {
      return JSON.readValue(Files.readAllBytes(file), ImportPlan.class);
    } catch (NoSuchFileException e) {
      throw new ImportFailed(
          ImportFailed.Kind.SOURCE_NOT_FOUND,
          "no import plan "
              + file
              + ": is "
              + ImportStore.SETTING
              + " the directory every worker mounts?",
          e);
    } catch (IOException e) {
      // Jackson's message may quote the file; the plan holds no rows, but say only what failed.
      throw new ImportFailed(
          ImportFailed.Kind.SOURCE_UNAVAILABLE, "cannot read the import plan " + file, e);
    }
  }
}
