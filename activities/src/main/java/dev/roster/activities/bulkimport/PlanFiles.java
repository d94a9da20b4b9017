package dev.roster.activities.bulkimport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps an {@link ImportPlan} in a file beside its failure report, so workflows carry a path
 * instead of the plan's duplicate bitmap through every chunk's payload. The report directory is
 * therefore shared by the workers that serve an import's queues, as the source file already is.
 * Thread-safe; a small cache spares re-reading the plan for every chunk.
 */
final class PlanFiles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CACHED = 16;

  private final Map<String, ImportPlan> cache =
      new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ImportPlan> eldest) {
          return size() > CACHED;
        }
      };

  /** Writes the plan atomically next to its report; returns the file's path. */
  String save(ImportPlan plan) {
    Path report = Path.of(plan.report().failureReport());
    Path file = report.resolveSibling(report.getFileName() + ".plan.json");
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), plan);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ImportFailed(
          ImportFailed.Kind.SOURCE_UNAVAILABLE, "cannot write the import plan " + file, e);
    }
    synchronized (cache) {
      cache.put(file.toString(), plan);
    }
    return file.toString();
  }

  ImportPlan load(String planFile) {
    synchronized (cache) {
      ImportPlan cached = cache.get(planFile);
      if (cached != null) {
        return cached;
      }
    }
    try {
      ImportPlan plan = JSON.readValue(Path.of(planFile).toFile(), ImportPlan.class);
      synchronized (cache) {
        cache.put(planFile, plan);
      }
      return plan;
    } catch (IOException e) {
      throw new ImportFailed(
          ImportFailed.Kind.SOURCE_NOT_FOUND, "cannot read the import plan " + planFile, e);
    }
  }
}
