package dev.roster.workflows.bulkimport;

import dev.roster.workflows.testing.TestRoster;
import io.temporal.client.WorkflowStub;
import java.util.Arrays;
import java.util.List;

/** Requests and look-ups for the import tests. */
final class Imports {

  /** Settings: approval above {@code approvalAbove} rows, {@code chunkRows} per job. */
  static ImportSettings settings(
      boolean dryRun, long approvalAbove, int chunkRows, int invitesInFlight, int historyLimit) {
    return new ImportSettings(
        dryRun, approvalAbove, chunkRows, null, invitesInFlight, null, historyLimit);
  }

  static BulkImportRequest request(ImportSettings settings, String... accounts) {
    List<ImportTarget> targets =
        Arrays.stream(accounts).map(a -> new ImportTarget(a, List.of("7"))).toList();
    return new BulkImportRequest("/imports/people.csv", targets, settings, "carol", null, null);
  }

  static BulkImportWorkflow stub(TestRoster roster, String id) {
    return roster.stub(BulkImportWorkflow.class, id);
  }

  static BulkImportResult result(BulkImportWorkflow stub) {
    return WorkflowStub.fromTyped(stub).getResult(BulkImportResult.class);
  }

  static AccountProgress account(BulkImportResult result, String account) {
    return result.status().progress().accounts().stream()
        .filter(a -> a.account().equals(account))
        .findFirst()
        .orElseThrow();
  }

  private Imports() {}
}
