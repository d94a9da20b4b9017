package dev.roster.worker.bulkimport;

import static dev.roster.worker.bulkimport.ImportTestbed.BREVO;
import static dev.roster.worker.bulkimport.ImportTestbed.BREVO_LIST;
import static dev.roster.worker.bulkimport.ImportTestbed.LISTMONK;
import static dev.roster.worker.bulkimport.ImportTestbed.MAILJET;
import static dev.roster.worker.bulkimport.ImportTestbed.MAILJET_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.workflows.approval.Decision;
import dev.roster.workflows.bulkimport.AccountProgress;
import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.bulkimport.BulkImportWorkflow;
import dev.roster.workflows.bulkimport.ImportSettings;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import io.temporal.client.WorkflowStub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkImportTest {
  @TempDir Path dir;

  private static ImportSettings settings(long approvalAbove, int historyLimit) {
    return new ImportSettings(
        false, approvalAbove, 1_000, null, 0, Duration.ofSeconds(30), historyLimit);
  }

  @Test
  void tenThousandRowsAcrossThreeAccountsEndWithExactlyThoseContactsInTheLists() throws Exception {
    ImportFiles csv = ImportFiles.write(dir, 10_000);
    try (ImportTestbed bed = new ImportTestbed(dir)) {
      // A small history budget forces several continue-as-new runs.
      var request =
          new BulkImportRequest(
              csv.file.toString(), bed.threeAccounts(), settings(0, 150), "alice", null, null);
      BulkImportWorkflow stub = bed.start("import-ten-thousand", request);
      WorkflowStub untyped = WorkflowStub.fromTyped(stub);
      String firstRun = untyped.getExecution().getRunId();
      waitForPhase(bed, stub, "approval");
      assertThat(stub.status().approval().what())
          .startsWith("import 9997 contacts into brevo-test (lists 2), mailjet-test (lists 10)")
          .contains("\nrows read: 10000");
      // The Web UI renders details as Markdown: the approval's lines become list items.
      String details =
          untyped.query("__temporal_workflow_metadata", WorkflowMetadata.class).getCurrentDetails();
      assertThat(details)
          .startsWith("Waiting for an approval:\n\n- import 9997 contacts into brevo-test")
          .contains("\n- rows read: 10000, valid: 9997, invalid: 3, with team role: 0\n")
          .contains("\n  - INVALID_EMAIL: 1\n");
      stub.approve(new Decision("bob", "ok", "test"));
      BulkImportResult result =
          bed.client
              .newUntypedWorkflowStub("import-ten-thousand")
              .getResult(BulkImportResult.class);

      assertThat(result.outcome()).isEqualTo("COMPLETED");
      Set<String> expected = lower(csv.valid);
      assertThat(expected).hasSize(9_997);
      assertThat(lower(bed.brevo.listMemberEmails(BREVO_LIST))).isEqualTo(expected);
      assertThat(lower(bed.mailjet.listMemberEmails(MAILJET_LIST))).isEqualTo(expected);
      assertThat(lower(bed.listmonk.listMemberEmails(bed.listmonkList))).isEqualTo(expected);
      assertThat(bed.brevo.contacts()).hasSize(9_997);
      Map<String, AccountProgress> byAccount = byAccount(result.status().progress().accounts());
      for (String account : List.of(BREVO, MAILJET, LISTMONK)) {
        assertThat(byAccount.get(account).confirmed()).as(account).isEqualTo(9_997);
        assertThat(byAccount.get(account).failed()).as(account).isZero();
        assertThat(byAccount.get(account).rowsRead()).as(account).isEqualTo(10_000);
      }
      String report = Files.readString(Path.of(result.failureReport()), StandardCharsets.UTF_8);
      assertThat(report)
          .contains("\r\n" + ImportFiles.BAD_EMAIL_LINE + ",INVALID_EMAIL,")
          .contains("\r\n" + ImportFiles.DUPLICATE_LINE + ",DUPLICATE_EMAIL,")
          .contains("\r\n" + ImportFiles.FORMULA_LINE + ",FORMULA_CELL,");

      List<History> runs = runs(bed, "import-ten-thousand", firstRun);
      assertThat(runs.size()).isGreaterThan(1);
      for (History h : runs) {
        assertThat(h.getEventsCount()).isLessThan(10_240);
      }
      assertThat(result.status().progress().runs()).isEqualTo(runs.size() - 1);
    }
  }

  @Test
  void dryRunReportsAndChangesNothingAtAnyVendor() {
    ImportFiles csv = ImportFiles.write(dir, 500);
    try (ImportTestbed bed = new ImportTestbed(dir)) {
      bed.brevo.resetCounters();
      bed.mailjet.resetCounters();
      bed.listmonk.resetCounters();
      var request =
          new BulkImportRequest(
              csv.file.toString(),
              bed.threeAccounts(),
              settings(0, 0).withDryRun(true),
              "alice",
              null,
              null);
      bed.start("import-dry-run", request);
      BulkImportResult result =
          bed.client.newUntypedWorkflowStub("import-dry-run").getResult(BulkImportResult.class);

      assertThat(result.outcome()).isEqualTo("DRY_RUN");
      assertThat(result.report()).contains("rows read: 500, valid: 497, invalid: 3");
      assertThat(result.report()).contains("line " + ImportFiles.BAD_EMAIL_LINE + " INVALID_EMAIL");
      assertThat(bed.brevo.totalCalls()).isZero();
      assertThat(bed.mailjet.totalCalls()).isZero();
      assertThat(bed.listmonk.totalCalls()).isZero();
      assertThat(bed.brevo.contacts()).isEmpty();
      assertThat(bed.mailjet.contacts()).isEmpty();
      assertThat(bed.listmonk.listMemberEmails(bed.listmonkList)).isEmpty();
    }
  }

  @Test
  void rowsTheVendorRefusesAreReportedWithTheirLinesAndTheVendorsReason() throws Exception {
    ImportFiles csv = ImportFiles.write(dir, 300);
    try (ImportTestbed bed = ImportTestbed.metered(dir)) {
      bed.brevo.processes().rejectOnImport("person41@example.com", "Blocked by the account");
      var request =
          new BulkImportRequest(
              csv.file.toString(), bed.threeAccounts(), settings(100_000, 0), "alice", null, null);
      bed.start("import-refused", request);
      BulkImportResult result =
          bed.client.newUntypedWorkflowStub("import-refused").getResult(BulkImportResult.class);

      assertThat(result.outcome()).isEqualTo("PARTIAL");
      Map<String, AccountProgress> byAccount = byAccount(result.status().progress().accounts());
      assertThat(byAccount.get(BREVO).failed()).isEqualTo(1);
      assertThat(byAccount.get(BREVO).confirmed()).isEqualTo(296);
      assertThat(byAccount.get(MAILJET).confirmed()).isEqualTo(297);
      assertThat(bed.brevo.contact("person41@example.com")).isEmpty();
      assertThat(bed.mailjet.contact("person41@example.com")).isPresent();
      String report = Files.readString(Path.of(result.failureReport()), StandardCharsets.UTF_8);
      // person41 is data row 41, on line 43.
      assertThat(report)
          .contains(
              "\r\n43,VENDOR_REJECTED,brevo-test: Blocked by the account,person41@example.com");

      // The same counts as series, by account and outcome only, and no person in any label.
      String rows = "roster_import_rows_total{account=\"%s\",outcome=\"%s\"} %s";
      List<String> expected =
          List.of(
              String.format(rows, BREVO, "confirmed", "296.0"),
              String.format(rows, BREVO, "failed", "1.0"),
              String.format(rows, MAILJET, "confirmed", "297.0"),
              String.format(rows, LISTMONK, "confirmed", "297.0"));
      String scraped = scrapeUntil(bed, expected);
      assertThat(scraped.lines().filter(l -> l.startsWith("roster_import_rows_total{")))
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  /** The registry's text once it has every line: the SDK hands its counts over every second. */
  private static String scrapeUntil(ImportTestbed bed, List<String> lines)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String scraped = bed.metrics().scrape();
    while (!lines.stream().allMatch(scraped::contains) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      scraped = bed.metrics().scrape();
    }
    return scraped;
  }

  private static void waitForPhase(ImportTestbed bed, BulkImportWorkflow stub, String phase)
      throws InterruptedException {
    // The gate names what it waits for once it starts waiting, after listing it on the board.
    for (int i = 0;
        i < 600
            && !(phase.equals(stub.status().phase())
                && "waiting".equals(stub.status().approval().state()));
        i++) {
      Thread.sleep(100);
    }
    assertThat(stub.status().phase()).isEqualTo(phase);
  }

  /** Every run's history, first to last, following ContinuedAsNew links. */
  static List<History> runs(ImportTestbed bed, String workflowId, String firstRunId) {
    List<History> out = new ArrayList<>();
    String runId = firstRunId;
    while (runId != null) {
      History h = bed.client.fetchHistory(workflowId, runId).getHistory();
      out.add(h);
      HistoryEvent last = h.getEvents(h.getEventsCount() - 1);
      runId =
          last.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW
              ? last.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId()
              : null;
    }
    return out;
  }

  static Map<String, AccountProgress> byAccount(List<AccountProgress> accounts) {
    return accounts.stream()
        .collect(Collectors.toMap(AccountProgress::account, Function.identity()));
  }

  static Set<String> lower(Set<String> emails) {
    Set<String> out = new TreeSet<>();
    emails.forEach(e -> out.add(e.toLowerCase(Locale.ROOT)));
    return out;
  }
}
