package dev.roster.worker.reliability;

import com.google.protobuf.Timestamp;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When workflows finished, on the test server's clock (its event times): the time a user would have
 * waited, time-skipping or not.
 */
final class Completions {
  /** One workflow's time to close and the highest attempt any of its activities needed. */
  record Done(String workflowId, Duration after, int highestAttempt, String slowestActivity) {}

  private final List<Done> done = new ArrayList<>();

  /** Each workflow's close (its latest run's last event), measured from {@code start}. */
  static Completions of(WorkflowClient client, Collection<String> workflowIds, Instant start) {
    Completions out = new Completions();
    for (String id : workflowIds) {
      History history = client.fetchHistory(id).getHistory();
      Instant closed = instant(history.getEvents(history.getEventsCount() - 1).getEventTime());
      int highest = 0;
      String activity = null;
      Map<Long, String> types = new HashMap<>();
      for (HistoryEvent e : history.getEventsList()) {
        if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
          types.put(
              e.getEventId(),
              e.getActivityTaskScheduledEventAttributes().getActivityType().getName());
        } else if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
          var started = e.getActivityTaskStartedEventAttributes();
          if (started.getAttempt() > highest) {
            highest = started.getAttempt();
            activity = types.get(started.getScheduledEventId());
          }
        }
      }
      out.done.add(new Done(id, Duration.between(start, closed), highest, activity));
    }
    out.done.sort(Comparator.comparing(Done::after));
    return out;
  }

  Duration last() {
    return done.get(done.size() - 1).after();
  }

  Duration median() {
    return done.get(done.size() / 2).after();
  }

  /** The highest attempt any activity of these workflows needed (1: none was retried). */
  int highestAttempt() {
    return done.stream().mapToInt(Done::highestAttempt).max().orElse(0);
  }

  /** The {@code n} workflows that finished last, slowest first. */
  List<Done> slowest(int n) {
    List<Done> out = new ArrayList<>(done.subList(Math.max(0, done.size() - n), done.size()));
    Collections.reverse(out);
    return out;
  }

  private static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
