package dev.roster.worker.testbed;

import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Recorded workflow histories under {@code src/test/resources/histories}, replayed by {@code
 * RecordedHistoriesTest}; see the README there for what each one is and which test records it.
 */
public final class Histories {

  /** Set to a directory (the histories folder) to have the recording tests write there. */
  public static final String RECORD_PROPERTY = "roster.recordHistories";

  /** The history's JSON, as {@code WorkflowClient.fetchHistory(id).toJson(true)} wrote it. */
  public static String load(String name) {
    try (InputStream in = Histories.class.getResourceAsStream("/histories/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no history resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of every recorded history ({@code *.json}), sorted. */
  public static List<String> names() {
    URL folder = Histories.class.getResource("/histories");
    if (folder == null) {
      throw new IllegalStateException("no histories folder on the test classpath");
    }
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * With {@code -Droster.recordHistories=DIR}, writes the history of the run {@code runId} of
   * {@code workflowId} (null: the latest run) to {@code DIR/name}; otherwise does nothing. The
   * workflow id goes into the start event (where a server fills it too), so the replay runs under
   * the recorded id: children and anything else derived from it must match.
   */
  public static void record(WorkflowClient client, String workflowId, String runId, String name) {
    String dir = System.getProperty(RECORD_PROPERTY);
    if (dir == null) {
      return;
    }
    History history =
        runId == null
            ? client.fetchHistory(workflowId).getHistory()
            : client.fetchHistory(workflowId, runId).getHistory();
    HistoryEvent start = history.getEvents(0);
    HistoryEvent named =
        start.toBuilder()
            .setWorkflowExecutionStartedEventAttributes(
                start.getWorkflowExecutionStartedEventAttributes().toBuilder()
                    .setWorkflowId(workflowId))
            .build();
    String json =
        new WorkflowExecutionHistory(history.toBuilder().setEvents(0, named).build(), workflowId)
            .toJson(true);
    try {
      Files.writeString(Path.of(dir, name), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Histories() {}
}
