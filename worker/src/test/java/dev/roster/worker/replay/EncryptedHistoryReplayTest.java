package dev.roster.worker.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.worker.testbed.Histories;
import dev.roster.worker.testbed.PayloadFinder;
import dev.roster.worker.testbed.TestPayloadKeys;
import dev.roster.workflows.codec.EncryptingPayloadCodec;
import dev.roster.workflows.codec.PayloadKeyRing;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Key rotation on a recorded run: {@code offboard-encrypted-test-k1.json} was written under {@code
 * test-k1}; it replays on the current code with {@code test-k2} active and {@code test-k1} kept for
 * decryption, and not with a ring that dropped {@code test-k1}.
 */
class EncryptedHistoryReplayTest {
  private static final String NAME = "offboard-encrypted-test-k1.json";

  @Test
  void theRecordedRunIsEncryptedUnderK1Throughout() {
    // Version markers (change id and number) and search attributes bypass codecs by design; they
    // hold no personal data (PrivateHistoriesTest checks that). Every other payload is sealed.
    List<Payload> payloads = new ArrayList<>();
    for (HistoryEvent e : history().getEvents()) {
      if (e.hasMarkerRecordedEventAttributes()
          || e.hasUpsertWorkflowSearchAttributesEventAttributes()) {
        continue;
      }
      HistoryEvent scanned =
          e.hasWorkflowExecutionStartedEventAttributes()
              ? e.toBuilder()
                  .setWorkflowExecutionStartedEventAttributes(
                      e.getWorkflowExecutionStartedEventAttributes().toBuilder()
                          .clearSearchAttributes())
                  .build()
              : e;
      PayloadFinder.collect(scanned, payloads);
    }

    assertThat(payloads).hasSizeGreaterThan(10);
    assertThat(payloads)
        .allSatisfy(
            p -> {
              assertThat(EncryptingPayloadCodec.isEncrypted(p)).isTrue();
              assertThat(p.getMetadataMap().get("encryption-key-id").toStringUtf8())
                  .isEqualTo("test-k1");
            });
  }

  @Test
  @Timeout(120)
  void itReplaysAfterRotationToK2WithK1DecryptOnly() throws Exception {
    try (TestWorkflowEnvironment env = environment(TestPayloadKeys.ROTATED)) {
      WorkflowReplayer.replayWorkflowExecution(history(), worker(env));
    }
  }

  @Test
  @Timeout(120)
  void itDoesNotReplayOnceK1IsDropped() {
    try (TestWorkflowEnvironment env = environment(TestPayloadKeys.K2_ONLY)) {
      Worker worker = worker(env);
      assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(history(), worker))
          .satisfies(
              e -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable t = e; t != null; t = t.getCause()) {
                  messages.append(t.getMessage()).append('\n');
                }
                assertThat(messages.toString()).contains("'test-k1'");
              });
    }
  }

  private static WorkflowExecutionHistory history() {
    return WorkflowExecutionHistory.fromJson(Histories.load(NAME));
  }

  private static TestWorkflowEnvironment environment(PayloadKeyRing ring) {
    return TestWorkflowEnvironment.newInstance(
        TestEnvironmentOptions.newBuilder()
            .setWorkflowClientOptions(
                WorkflowClientOptions.newBuilder()
                    .setDataConverter(TestPayloadKeys.converter(ring))
                    .build())
            .build());
  }

  private static Worker worker(TestWorkflowEnvironment env) {
    return RecordedHistoriesTest.replayWorker(env);
  }
}
