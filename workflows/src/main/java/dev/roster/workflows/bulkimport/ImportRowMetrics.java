package dev.roster.workflows.bulkimport;

import io.temporal.workflow.Workflow;
import java.util.Map;

/**
 * {@code roster_import_rows_total{account, outcome}}: rows a vendor confirmed and rows it refused,
 * counted where the workflow records a finished job's outcome. Counted through the workflow's
 * metrics scope, which does not emit while a history is replayed: a row outcome is counted once
 * however often its activities were retried or its workflow moved to another worker (only a
 * workflow task that ran and then failed to complete would count twice). The SDK adds its
 * namespace, task_queue and workflow_type labels; account is the configured account id.
 */
final class ImportRowMetrics {
  /** Micrometer's name; Prometheus shows it as {@code roster_import_rows_total}. */
  static final String ROWS = "roster_import_rows";

  static final String CONFIRMED = "confirmed";
  static final String FAILED = "failed";

  static void count(String account, int confirmed, int failed) {
    add(account, CONFIRMED, confirmed);
    add(account, FAILED, failed);
  }

  private static void add(String account, String outcome, int rows) {
    if (rows > 0) {
      Workflow.getMetricsScope()
          .tagged(Map.of("account", account, "outcome", outcome))
          .counter(ROWS)
          .inc(rows);
    }
  }

  private ImportRowMetrics() {}
}
