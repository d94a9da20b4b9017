package dev.roster.workflows.bulkimport;

import dev.roster.workflows.failure.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.util.List;

/**
 * The workflow's own checks of a BulkImport request at its start (a request may come from {@code
 * temporal workflow start}, past every starter): each problem fails it as a non-retryable {@code
 * InvalidRequest} naming the field.
 */
final class ImportChecks {

  /**
   * @param full every field ({@link BulkImportRequests#problems}); false keeps the first release's
   *     checks, for histories recorded before and runs continued as new
   */
  static void validate(BulkImportRequest request, boolean full) {
    List<String> problems =
        full ? BulkImportRequests.problems(request) : BulkImportRequests.basicProblems(request);
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
  }

  /** The accounts' bulk endpoints, after checking that those given lists can take contacts. */
  static List<BulkTarget> targets(
      ImportPlanningActivities planning, BulkImportRequest request, List<String> ids) {
    List<BulkTarget> targets = planning.bulkTargets(ids);
    List<String> problems = BulkImportRequests.targetProblems(request.targets(), targets);
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    return targets;
  }

  private static ApplicationFailure invalid(List<String> problems) {
    return ApplicationFailure.newNonRetryableFailure(
        "invalid BulkImport request: " + String.join("; ", problems), FailureTypes.INVALID_REQUEST);
  }

  private ImportChecks() {}
}
