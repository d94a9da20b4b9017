package dev.roster.worker.bulkimport;

import static dev.roster.worker.bulkimport.ImportTestbed.MAILJET;
import static dev.roster.worker.bulkimport.ImportTestbed.MAILJET_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.worker.testbed.Histories;
import dev.roster.worker.testbed.TestPayloadKeys;
import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportResult;
import dev.roster.workflows.bulkimport.ImportSettings;
import dev.roster.workflows.bulkimport.ImportTarget;
import dev.roster.workflows.bulkimport.JobProgress;
import dev.roster.workflows.bulkimport.SentChunk;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.converter.DataConverter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mailjet runs three bulk jobs at once: an import in small chunks keeps three in flight, polls each
 * on a timer and imports every valid row. Records the BulkImport history the replay tests use for
 * an import with several jobs pending at once.
 */
class MailjetJobsInFlightTest {
  private static final DataConverter JSON = TestPayloadKeys.converter(TestPayloadKeys.K1);

  @TempDir Path dir;

  @Test
  @Timeout(120)
  void aMailjetImportKeepsThreeJobsInFlightAndImportsEveryValidRow() {
    ImportFiles csv = ImportFiles.write(dir, 60);
    try (ImportTestbed bed = new ImportTestbed(dir)) {
      BulkImportRequest request =
          new BulkImportRequest(
              csv.file.toString(),
              List.of(new ImportTarget(MAILJET, List.of(Long.toString(MAILJET_LIST)))),
              // No approval (under the threshold), chunks of 10 rows: six jobs.
              new ImportSettings(false, 1_000, 10, null, 0, Duration.ofSeconds(30), 0),
              "alice",
              null,
              null);
      bed.start("import-mailjet", request);
      BulkImportResult result =
          bed.client.newUntypedWorkflowStub("import-mailjet").getResult(BulkImportResult.class);

      assertThat(result.outcome()).as(result.summary()).isEqualTo("COMPLETED");
      assertThat(BulkImportTest.lower(bed.mailjet.listMemberEmails(MAILJET_LIST)))
          .isEqualTo(BulkImportTest.lower(csv.valid));
      List<HistoryEvent> events = bed.client.fetchHistory("import-mailjet").getEvents();
      assertThat(jobsStarted(events)).isEqualTo(6);
      assertThat(mostJobsInFlight(events)).isEqualTo(3);
      Histories.record(bed.client, "import-mailjet", null, "bulk-import-mailjet.json");
    }
  }

  private static long jobsStarted(List<HistoryEvent> events) {
    return events.stream().filter(e -> activity(e).equals("SubmitChunk")).count();
  }

  /** Jobs started (SubmitChunk answered) and not yet reported finished by a JobStatus poll. */
  private static int mostJobsInFlight(List<HistoryEvent> events) {
    Map<Long, String> polledJob = new HashMap<>();
    Map<Long, String> scheduledType = new HashMap<>();
    Set<String> inFlight = new HashSet<>();
    int most = 0;
    for (HistoryEvent e : events) {
      if (e.hasActivityTaskScheduledEventAttributes()) {
        scheduledType.put(e.getEventId(), activity(e));
        if (activity(e).equals("JobStatus")) {
          Payloads input = e.getActivityTaskScheduledEventAttributes().getInput();
          polledJob.put(
              e.getEventId(), JSON.fromPayload(input.getPayloads(1), String.class, String.class));
        }
      } else if (e.hasActivityTaskCompletedEventAttributes()) {
        long scheduled = e.getActivityTaskCompletedEventAttributes().getScheduledEventId();
        Optional<Payloads> result =
            Optional.of(e.getActivityTaskCompletedEventAttributes().getResult());
        String type = scheduledType.getOrDefault(scheduled, "");
        if (type.equals("SubmitChunk")) {
          SentChunk sent = JSON.fromPayloads(0, result, SentChunk.class, SentChunk.class);
          if (sent.jobId() != null) {
            inFlight.add(sent.jobId());
          }
        } else if (type.equals("JobStatus")
            && JSON.fromPayloads(0, result, JobProgress.class, JobProgress.class).finished()) {
          inFlight.remove(polledJob.get(scheduled));
        }
        most = Math.max(most, inFlight.size());
      }
    }
    return most;
  }

  private static String activity(HistoryEvent e) {
    return e.hasActivityTaskScheduledEventAttributes()
        ? e.getActivityTaskScheduledEventAttributes().getActivityType().getName()
        : "";
  }
}
