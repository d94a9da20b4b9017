package dev.roster.activities.bulkimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One import's files in the {@link ImportStore}, in a directory named after the import: the failure
 * report, the plan, the list of vendor jobs whose refused rows were appended, and the planning
 * pass's working files (attempt by attempt, so a stale attempt never writes into its successor's).
 *
 * @param name the directory's name (the import's workflow id, or a hash of it)
 * @param dir the directory
 */
record StoredImport(String name, Path dir) {
  /** A plan file's name: one per planning pass, so no worker's cache can serve an older plan. */
  static final Pattern PLAN = Pattern.compile("plan-([0-9a-f]{12})\\.json");

  /** The operator's CSV of rows not imported. */
  Path report() {
    return dir.resolve("failures.csv");
  }

  /** The plan of the planning pass {@code planningId}. */
  Path plan(String planningId) {
    return dir.resolve("plan-" + planningId + ".json");
  }

  /** Vendor jobs already appended to the report (see {@link RejectionLog}). */
  Path rejections() {
    return dir.resolve("rejections.jobs");
  }

  /** Working files of the planning pass; gone once the plan is written. */
  Path planning() {
    return dir.resolve("planning");
  }

  /** What workflows carry: the plan, relative to the store. */
  String planRef(String planningId) {
    return name + "/" + plan(planningId).getFileName();
  }

  /** Creates the directory (and the store) owner-only. */
  void create() throws IOException {
    ImportStore.createDirectories(planning());
  }

  /**
   * Removes everything an earlier run of the same import left (a dry run run again, a failed ticket
   * import started again): its report, plan, rejection list and planning files.
   */
  void clear() {
    deleteTree(dir);
  }

  /** Removes the planning pass's working files. */
  void clearPlanning() {
    deleteTree(planning());
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new ImportFailed(
          ImportFailed.Kind.SOURCE_UNAVAILABLE, "cannot clear " + root + " in the import store", e);
    }
  }
}
