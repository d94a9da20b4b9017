package dev.roster.workflows.bulkimport;

import io.temporal.workflow.Workflow;

/**
 * An import's files when it ends: the worker deletes them from the store when the request asks
 * ({@link ImportSettings#deleteFilesWhenDone()}) or its {@code imports.deleteFilesWhenDone} says so
 * for every import. Version {@value #VERSION} of BulkImport: histories from before end without the
 * call.
 */
final class ImportFilesAtEnd {
  static final String VERSION = "delete-files-when-done";
  static final String DELETED_NOTE = "; its plan and failure report are deleted from the store";

  /** Whether the files were deleted; false for an import that planned nothing. */
  static boolean delete(
      ImportPlanningActivities planning, ImportCarry carry, ImportSettings settings) {
    if (carry == null || Workflow.getVersion(VERSION, Workflow.DEFAULT_VERSION, 1) < 1) {
      return false;
    }
    return planning.importEnded(carry.plan().planFile(), settings.deleteFilesWhenDone());
  }

  private ImportFilesAtEnd() {}
}
